import { useId, useRef } from 'react';
import { fill } from '../../islands/fill';
import { PLAN_ITEM_MAX, PLAN_QUESTIONS_MAX, type PlanQuestion } from '../../schemas/plan';
import { editPlan } from '../plan/model';
import { briefPlanDocument } from './planClient';

interface Props {
  questions: PlanQuestion[];
  labels: Record<string, string>;
  onSaved: () => void;
}

/** The open questions to bring to the meeting: add, edit, remove; stored with the plan. */
export default function QuestionsEditor({ questions, labels, onSaved }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const id = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const save = (next: PlanQuestion[]): void => {
    briefPlanDocument().update((plan) => editPlan(plan, 'questions', next, new Date()));
    onSaved();
  };
  const add = (): void => {
    const question = { id: crypto.randomUUID(), text: '' };
    save([...questions, question]);
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLInputElement>(`[data-question-id="${question.id}"]`)?.focus(),
    );
  };
  const remove = (qid: string): void => {
    save(questions.filter((q) => q.id !== qid));
    requestAnimationFrame(() => addRef.current?.focus());
  };
  return (
    <div className="questions-editor">
      {questions.length === 0 && <p>{l('academy.brief.noQuestions')}</p>}
      <ol ref={listRef} className="edit-list">
        {questions.map((q, i) => (
          <li key={q.id}>
            <label htmlFor={`${id}-${q.id}`}>{l('academy.brief.question', { n: i + 1 })}</label>
            <input
              id={`${id}-${q.id}`}
              data-question-id={q.id}
              value={q.text}
              maxLength={PLAN_ITEM_MAX}
              onChange={(e) => save(questions.map((x) => (x.id === q.id ? { ...x, text: e.target.value } : x)))}
            />
            <button type="button" className="no-print" onClick={() => remove(q.id)}>
              {l('academy.brief.removeQuestion', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        ref={addRef}
        type="button"
        className="no-print"
        onClick={add}
        disabled={questions.length >= PLAN_QUESTIONS_MAX}
      >
        {l('academy.brief.addQuestion')}
      </button>
    </div>
  );
}
