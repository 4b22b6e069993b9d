import { useId, useRef, useState, type SubmitEvent } from 'react';
import { sendProgress, useProgress } from './useProgress';
import { fill } from './fill';
import QuizQuestion, { type Feedback } from './QuizQuestion';
import { optionOrder, questionSeed } from '../quiz/optionOrder';

export interface QuizOptionView {
  text: string;
  correct: boolean;
  explanation: string;
}
export interface QuizQuestionView {
  id: string;
  prompt: string;
  /** The author's hint for a wrong answer, if any. */
  hint?: string | undefined;
  /** In the authored order; the form shows them in the attempt's order. */
  options: QuizOptionView[];
}
export type QuizLabels = Record<
  | 'check'
  | 'retry'
  | 'questionOf'
  | 'chooseOne'
  | 'chooseAll'
  | 'unanswered'
  | 'result'
  | 'passed'
  | 'failed'
  | 'failedExplained'
  | 'questionRight'
  | 'questionWrong'
  | 'hintSingle'
  | 'hintMultiple'
  | 'optionCorrect'
  | 'optionWrong'
  | 'youChose'
  | 'best'
  | 'passedBefore'
  | 'passKept'
  | 'moduleComplete'
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

/** After this many attempts every option is explained, passed or not. */
const EXPLAIN_AFTER_ATTEMPTS = 3;

/** Chosen options by question id, as authored option indexes (so a new order keeps them). */
type Answers = Record<string, number[]>;
const isMultiple = (q: QuizQuestionView): boolean => q.options.filter((o) => o.correct).length > 1;
const isRight = (q: QuizQuestionView, chosen: number[] = []): boolean =>
  q.options.every((o, i) => o.correct === chosen.includes(i));

/**
 * The options already checked in the page. A learner can pick answers in the built HTML before the
 * form hydrates; hydration starts from those picks, so the next render doesn't clear them. Each
 * input's value is its authored index.
 */
function pickedInPage(formId: string, questions: QuizQuestionView[]): Answers {
  if (typeof document === 'undefined') return {};
  const picked: Answers = {};
  for (const q of questions) {
    const inputs = [...document.getElementsByName(`${formId}-${q.id}`)];
    const chosen = inputs.flatMap((input) =>
      input instanceof HTMLInputElement && input.checked ? [Number(input.value)] : [],
    );
    if (chosen.length > 0) picked[q.id] = chosen;
  }
  return picked;
}

/**
 * A module's knowledge check: each question a fieldset with a legend, checked with "Check answers",
 * the result announced in a status region, unlimited retries. Options are shuffled for every attempt
 * (seeded by the attempt count in the progress document, so a reload keeps the order); a failed
 * attempt shows which questions were wrong with a hint, and every option is explained once the check
 * is passed or after the third attempt.
 */
export default function QuizForm({ moduleId, questions, passMark, labels, next, moduleHref }: Props) {
  const formId = useId();
  const [answers, setAnswers] = useState<Answers>(() => pickedInPage(formId, questions));
  // The attempt whose order is shown. 0 is also the order built into the page, so the page without
  // JavaScript and a first visit look the same; the stored count takes over once progress is read.
  // null until then.
  const [attemptShown, setAttemptShown] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback>('none');
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const facts = useProgress(
    (view) => ({ ready: true, quiz: view.doc.quizzes[moduleId], lessonsDone: view.moduleLessonsDone(moduleId) }),
    { ready: false, quiz: undefined, lessonsDone: false },
  );
  const storedAttempts = facts.quiz?.attempts ?? 0;

  // Set while rendering, not in an effect, so the first render with progress already shows its order
  // (https://react.dev/reference/react/useState#storing-information-from-previous-renders).
  if (facts.ready && attemptShown === null) setAttemptShown(storedAttempts);
  const attempt = attemptShown ?? 0;

  const checked = feedback !== 'none';
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
    const attemptsNow = Math.max(storedAttempts, attempt) + 1;
    setFeedback(passed || attemptsNow >= EXPLAIN_AFTER_ATTEMPTS ? 'explanations' : 'verdicts');
    setMessage('');
    // Move focus to the result so keyboard and screen reader users land on it.
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const retry = (): void => {
    setAnswers({});
    setAttemptShown(Math.max(storedAttempts, attempt + 1));
    setFeedback('none');
    setMessage('');
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input')?.focus());
  };

  const percent = Math.round(score * 100);
  const best = facts.quiz ? Math.round(facts.quiz.bestScore * 100) : 0;
  return (
    <form
      ref={formRef}
      className="quiz"
      onSubmit={onSubmit}
      noValidate
      // Which attempt's order is shown, once the stored attempt count is known (tests wait for it).
      data-attempt={attemptShown ?? undefined}
    >
      {facts.quiz && !checked && (
        <p className="meta">
          {facts.quiz.passedAt ? `${labels.passedBefore} ` : ''}
          {fill(labels.best, { percent: best, attempts: facts.quiz.attempts })}
        </p>
      )}
      {questions.map((q, qi) => (
        <QuizQuestion
          key={q.id}
          question={q}
          number={qi + 1}
          total={questions.length}
          order={optionOrder(questionSeed(moduleId, q.id, attempt), q.options.length)}
          chosen={answers[q.id] ?? []}
          multiple={isMultiple(q)}
          right={isRight(q, answers[q.id])}
          feedback={feedback}
          name={`${formId}-${q.id}`}
          labels={labels}
          onChoose={(index, on) => {
            choose(q, index, on);
          }}
        />
      ))}
      <div role="status" ref={statusRef} tabIndex={-1} className="quiz-result">
        {message}
        {checked && (
          <>
            <p>
              <strong>{fill(labels.result, { right, total: questions.length, percent })}</strong>{' '}
              {passed
                ? labels.passed
                : fill(feedback === 'explanations' ? labels.failedExplained : labels.failed, {
                    pass: Math.round(passMark * 100),
                  })}
            </p>
            {!passed && facts.quiz?.passedAt && <p>{fill(labels.passKept, { percent: best })}</p>}
            {passed && facts.lessonsDone && <p className="module-complete">{labels.moduleComplete}</p>}
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
