import { useId, useRef, useState, type SubmitEvent } from 'react';
import { sendProgress, useProgress } from './useProgress';
import { fill } from './fill';

export interface QuizOptionView {
  text: string;
  correct: boolean;
  explanation: string;
}
export interface QuizQuestionView {
  id: string;
  prompt: string;
  options: QuizOptionView[];
}
export type QuizLabels = Record<
  | 'check'
  | 'retry'
  | 'chooseOne'
  | 'chooseAll'
  | 'unanswered'
  | 'result'
  | 'passed'
  | 'failed'
  | 'questionRight'
  | 'questionWrong'
  | 'optionCorrect'
  | 'optionWrong'
  | 'youChose'
  | 'best'
  | 'passedBefore'
  | 'lessonsLeft'
  | 'next'
  | 'backToModule',
  string
>;

interface Props {
  moduleId: string;
  questions: QuizQuestionView[];
  passMark: number;
  labels: QuizLabels;
  /** Where to go after passing: the next module, or the certificate after the last one. */
  next: { href: string; label: string };
  moduleHref: string;
}

type Answers = Record<string, number[]>;
const isMultiple = (q: QuizQuestionView): boolean => q.options.filter((o) => o.correct).length > 1;
const isRight = (q: QuizQuestionView, chosen: number[] = []): boolean =>
  q.options.every((o, i) => o.correct === chosen.includes(i));

/**
 * The options already checked in the page. A learner can pick answers in the built HTML before the
 * form hydrates; hydration starts from those picks, so the next render doesn't clear them.
 */
function pickedInPage(formId: string, questions: QuizQuestionView[]): Answers {
  if (typeof document === 'undefined') return {};
  const picked: Answers = {};
  for (const q of questions) {
    const inputs = [...document.getElementsByName(`${formId}-${q.id}`)];
    const chosen = inputs.flatMap((input, i) => (input instanceof HTMLInputElement && input.checked ? [i] : []));
    if (chosen.length > 0) picked[q.id] = chosen;
  }
  return picked;
}

/**
 * A module's knowledge check: each question a fieldset with a legend, checked with "Check answers",
 * the result announced in a status region, every option explained afterwards, unlimited retries.
 */
export default function QuizForm({ moduleId, questions, passMark, labels, next, moduleHref }: Props) {
  const formId = useId();
  const [answers, setAnswers] = useState<Answers>(() => pickedInPage(formId, questions));
  const [checked, setChecked] = useState(false);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const facts = useProgress(
    (view) => ({ ready: true, quiz: view.doc.quizzes[moduleId], lessonsDone: view.moduleLessonsDone(moduleId) }),
    { ready: false, quiz: undefined, lessonsDone: false },
  );

  const right = questions.filter((q) => isRight(q, answers[q.id])).length;
  const score = questions.length ? right / questions.length : 0;
  const passed = score >= passMark;

  const choose = (q: QuizQuestionView, index: number, on: boolean): void => {
    setAnswers((prev) => {
      const current = prev[q.id] ?? [];
      const chosen = isMultiple(q) ? (on ? [...current, index] : current.filter((i) => i !== index)) : [index];
      return { ...prev, [q.id]: chosen };
    });
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const missing = questions.map((q, i) => ((answers[q.id] ?? []).length === 0 ? i + 1 : 0)).filter((n) => n > 0);
    if (missing.length > 0) {
      setMessage(fill(labels.unanswered, { list: missing.join(', ') }));
      const first = questions[(missing[0] ?? 1) - 1];
      formRef.current?.querySelector<HTMLInputElement>(`input[name="${formId}-${first?.id ?? ''}"]`)?.focus();
      return;
    }
    sendProgress({ type: 'quiz.submit', moduleId, score });
    setChecked(true);
    setMessage('');
    // Move focus to the result so keyboard and screen reader users land on it.
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const retry = (): void => {
    setAnswers({});
    setChecked(false);
    setMessage('');
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input')?.focus());
  };

  const percent = Math.round(score * 100);
  return (
    <form ref={formRef} className="quiz" onSubmit={onSubmit} noValidate>
      {facts.quiz && !checked && (
        <p className="meta">
          {facts.quiz.passedAt ? `${labels.passedBefore} ` : ''}
          {fill(labels.best, { percent: Math.round(facts.quiz.bestScore * 100), attempts: facts.quiz.attempts })}
        </p>
      )}
      {questions.map((q, qi) => {
        const multiple = isMultiple(q);
        const chosen = answers[q.id] ?? [];
        const ok = isRight(q, chosen);
        return (
          <fieldset key={q.id} className={`question${checked ? (ok ? ' is-right' : ' is-wrong') : ''}`}>
            <legend>
              <span className="question-number">{qi + 1}.</span> {q.prompt}
              <span className="hint">{multiple ? labels.chooseAll : labels.chooseOne}</span>
            </legend>
            <ul className="options">
              {q.options.map((o, oi) => {
                const inputId = `${formId}-${q.id}-${oi}`;
                const picked = chosen.includes(oi);
                return (
                  <li key={oi} className={checked ? (o.correct ? 'opt-correct' : picked ? 'opt-wrong' : '') : ''}>
                    <input
                      id={inputId}
                      type={multiple ? 'checkbox' : 'radio'}
                      name={`${formId}-${q.id}`}
                      checked={picked}
                      disabled={checked}
                      onChange={(e) => {
                        choose(q, oi, e.target.checked);
                      }}
                    />
                    <label htmlFor={inputId}>{o.text}</label>
                    {checked && (
                      <p className="explanation">
                        <strong>
                          {o.correct ? labels.optionCorrect : labels.optionWrong}
                          {picked ? ` (${labels.youChose})` : ''}:
                        </strong>{' '}
                        {o.explanation}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
            {checked && <p className="verdict">{ok ? labels.questionRight : labels.questionWrong}</p>}
          </fieldset>
        );
      })}
      <div role="status" ref={statusRef} tabIndex={-1} className="quiz-result">
        {message}
        {checked && (
          <>
            <p>
              <strong>{fill(labels.result, { right, total: questions.length, percent })}</strong>{' '}
              {passed ? labels.passed : fill(labels.failed, { pass: Math.round(passMark * 100) })}
            </p>
            {passed && !facts.lessonsDone && <p>{labels.lessonsLeft}</p>}
          </>
        )}
      </div>
      {!checked && (
        <button type="submit" className="primary" disabled={!facts.ready}>
          {labels.check}
        </button>
      )}
      {checked && (
        <p className="actions">
          {passed ? (
            <a className="button button-primary" href={facts.lessonsDone ? next.href : moduleHref}>
              {facts.lessonsDone ? next.label : labels.backToModule}
            </a>
          ) : null}{' '}
          <button type="button" className={passed ? '' : 'primary'} onClick={retry}>
            {labels.retry}
          </button>
        </p>
      )}
    </form>
  );
}
