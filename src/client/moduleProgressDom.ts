import type { ProgressView } from './progress';
import { pathFor } from '../i18n/routes';
import { defaultLang, isLang } from '../shared/languages';

/*
 * The parts of a module's progress that are more than a status word: "2 of 4 lessons done" on module
 * cards and pages (`data-lessons-done-of`), the knowledge check's best result (`data-quiz-result-of`),
 * the module button by state (`data-module-action`: start, continue at the next unfinished lesson,
 * review) and the "module complete" note (`data-module-complete`, hidden until then). The built HTML
 * says what is true for a new learner; this brings it up to date.
 */

type Labels = Record<string, string | undefined>;
const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
const setText = (el: Element, text: string | undefined): void => {
  if (text !== undefined && el.textContent !== text) el.textContent = text;
};

export function applyModuleProgressToDom(view: ProgressView, labels: Labels, root: ParentNode = document): void {
  const pageLang = document.documentElement.lang;
  const lang = isLang(pageLang) ? pageLang : defaultLang;
  const moduleOf = (el: Element, attribute: string) =>
    view.manifest.modules.find((m) => m.id === el.getAttribute(attribute));

  for (const el of root.querySelectorAll('[data-lessons-done-of]')) {
    const module = moduleOf(el, 'data-lessons-done-of');
    if (!module) continue;
    const done = module.lessons.filter((l) => view.lessonStatus(module.id, l.id) === 'completed').length;
    setText(el, fill(labels['lessonsDone'] ?? '', { done, total: module.lessons.length }));
  }

  for (const el of root.querySelectorAll('[data-quiz-result-of]')) {
    const facts = view.doc.quizzes[el.getAttribute('data-quiz-result-of') ?? ''];
    const percent = Math.round((facts?.bestScore ?? 0) * 100);
    const label = !facts?.attempts
      ? labels['quizNotTaken']
      : facts.passedAt
        ? labels['quizPassed']
        : labels['quizBest'];
    setText(el, fill(label ?? '', { percent, attempts: facts?.attempts ?? 0 }));
  }

  for (const el of root.querySelectorAll<HTMLAnchorElement>('a[data-module-action]')) {
    const module = moduleOf(el, 'data-module-action');
    if (!module) continue;
    const status = view.moduleStatus(module.id);
    const first = module.lessons[0];
    if (status === 'in-progress') {
      const next = module.lessons.find((l) => view.lessonStatus(module.id, l.id) !== 'completed');
      el.href = next
        ? pathFor({ kind: 'lesson', moduleId: module.id, lessonId: next.id }, lang)
        : pathFor({ kind: 'quiz', moduleId: module.id }, lang);
      setText(el, next ? fill(labels['moduleContinue'] ?? '', { title: next.title[lang] }) : labels['moduleToQuiz']);
    } else if (first) {
      el.href = pathFor({ kind: 'lesson', moduleId: module.id, lessonId: first.id }, lang);
      setText(el, status === 'completed' ? labels['moduleReview'] : labels['moduleStart']);
    }
  }

  for (const el of root.querySelectorAll<HTMLElement>('[data-module-complete]')) {
    const complete = view.moduleStatus(el.getAttribute('data-module-complete') ?? '') === 'completed';
    if (el.hidden === complete) el.hidden = !complete;
  }
}
