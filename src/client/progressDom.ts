import type { ProgressView } from './progress';
import { applyModuleProgressToDom } from './moduleProgressDom';

/**
 * Shows the learner's progress on the server-rendered lists: every element with
 * `data-module-id`, `data-lesson-id` (+ `data-in-module`) or `data-quiz-module` gets its
 * `data-progress`, and a status text inside it (`[data-status-text]`) gets the words for it.
 */
export function applyProgressToDom(view: ProgressView, root: ParentNode = document): void {
  const labels = readLabels(root);
  const set = (el: Element, status: string): void => {
    if (el.getAttribute('data-progress') !== status) el.setAttribute('data-progress', status);
    const text = el.querySelector(':scope > [data-status-text], :scope [data-status-text]');
    const label = labels[status];
    if (text && label && text.textContent !== label) text.textContent = label;
  };
  for (const el of root.querySelectorAll('[data-module-id]')) {
    set(el, view.moduleStatus(el.getAttribute('data-module-id') ?? ''));
  }
  for (const el of root.querySelectorAll('[data-lesson-id][data-in-module]')) {
    set(el, view.lessonStatus(el.getAttribute('data-in-module') ?? '', el.getAttribute('data-lesson-id') ?? ''));
  }
  for (const el of root.querySelectorAll('[data-quiz-module]')) {
    set(el, view.quizStatus(el.getAttribute('data-quiz-module') ?? ''));
  }
  applyModuleProgressToDom(view, labels, root);
}

let cachedLabels: Record<string, string> | undefined;
function readLabels(root: ParentNode): Record<string, string> {
  cachedLabels ??= JSON.parse(root.querySelector('#progress-labels')?.textContent ?? '{}') as Record<string, string>;
  return cachedLabels;
}
