import type { QuizLabels, QuizQuestionView } from './QuizForm';
import { fill } from './fill';

/** What the learner may see after checking: nothing yet, which questions were wrong, or every explanation. */
export type Feedback = 'none' | 'verdicts' | 'explanations';

interface Props {
  question: QuizQuestionView;
  number: number;
  total: number;
  /** Authored option indexes in the order to show them. */
  order: number[];
  chosen: number[];
  multiple: boolean;
  right: boolean;
  feedback: Feedback;
  /** The `name` shared by the question's inputs. */
  name: string;
  labels: QuizLabels;
  onChoose: (index: number, on: boolean) => void;
}

/**
 * One question of a knowledge check: a fieldset with its legend and options in the attempt's order.
 * After a failed attempt it says whether the answer was right, with a hint, and never which option
 * is; the options are explained only once the check is passed or after the third attempt.
 */
export default function QuizQuestion(props: Props) {
  const { question, order, chosen, multiple, right, feedback, name, labels } = props;
  const rightCount = question.options.filter((o) => o.correct).length;
  const hint = question.hint ?? (multiple ? fill(labels.hintMultiple, { count: rightCount }) : labels.hintSingle);
  const state = feedback === 'none' ? '' : right ? ' is-right' : ' is-wrong';
  return (
    <fieldset className={`question${state}`}>
      <legend>
        <span className="question-number">{fill(labels.questionOf, { n: props.number, total: props.total })}</span>
        <span className="question-prompt">{question.prompt}</span>
        <span className="hint">{multiple ? labels.chooseAll : labels.chooseOne}</span>
      </legend>
      <ul className="options">
        {order.map((oi) => {
          const option = question.options[oi];
          if (!option) return null;
          const inputId = `${name}-${oi}`;
          const picked = chosen.includes(oi);
          const explained = feedback === 'explanations';
          const mark = explained ? (option.correct ? 'opt-correct' : picked ? 'opt-wrong' : '') : '';
          return (
            <li key={oi} className={mark}>
              <input
                id={inputId}
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={oi}
                checked={picked}
                disabled={feedback !== 'none'}
                onChange={(e) => {
                  props.onChoose(oi, e.target.checked);
                }}
              />
              <label htmlFor={inputId}>{option.text}</label>
              {explained && (
                <p className="explanation">
                  <strong>
                    {option.correct ? labels.optionCorrect : labels.optionWrong}
                    {picked ? ` (${labels.youChose})` : ''}:
                  </strong>{' '}
                  {option.explanation}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {feedback !== 'none' && (
        <p className="verdict">
          {right ? labels.questionRight : labels.questionWrong}
          {!right && feedback === 'verdicts' && <span className="verdict-hint"> {hint}</span>}
        </p>
      )}
    </fieldset>
  );
}
