import { useId, useRef } from 'react';
import { PLAN_CHALLENGES_MAX, PLAN_ITEM_MAX, type PlanChallenge } from '../../schemas/plan';

interface Props {
  challenges: PlanChallenge[];
  l: (key: string, values?: Record<string, string | number>) => string;
  onChange: (challenges: PlanChallenge[]) => void;
}

/** 1–3 innovation challenges: the need for renewal and how procurement could answer it. */
export default function ChallengesEditor({ challenges, l, onChange }: Props) {
  const id = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const set = (cid: string, change: Partial<PlanChallenge>): void => {
    onChange(challenges.map((c) => (c.id === cid ? { ...c, ...change } : c)));
  };
  const add = (): void => {
    const c: PlanChallenge = { id: crypto.randomUUID(), need: '', response: '' };
    onChange([...challenges, c]);
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLTextAreaElement>(`[data-challenge="${c.id}"] textarea`)?.focus(),
    );
  };
  const remove = (cid: string): void => {
    onChange(challenges.filter((c) => c.id !== cid));
    requestAnimationFrame(() => addRef.current?.focus());
  };
  return (
    <>
      <ol ref={listRef} className="challenges">
        {challenges.map((c, i) => (
          <li key={c.id} data-challenge={c.id}>
            <fieldset>
              <legend>{l('plan.challenges.legend', { n: i + 1 })}</legend>
              <label htmlFor={`${id}-${c.id}-need`}>{l('plan.challenges.need')}</label>
              <textarea
                id={`${id}-${c.id}-need`}
                rows={3}
                value={c.need}
                maxLength={PLAN_ITEM_MAX}
                onChange={(e) => set(c.id, { need: e.target.value })}
              />
              <label htmlFor={`${id}-${c.id}-response`}>{l('plan.challenges.response')}</label>
              <textarea
                id={`${id}-${c.id}-response`}
                rows={3}
                value={c.response}
                maxLength={PLAN_ITEM_MAX}
                onChange={(e) => set(c.id, { response: e.target.value })}
              />
              <button type="button" className="no-print" onClick={() => remove(c.id)}>
                {l('plan.challenges.remove', { n: i + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="no-print">
        <button ref={addRef} type="button" onClick={add} disabled={challenges.length >= PLAN_CHALLENGES_MAX}>
          {l('plan.challenges.add')}
        </button>{' '}
        <span className="meta">{l('plan.challenges.limit', { max: PLAN_CHALLENGES_MAX })}</span>
      </p>
    </>
  );
}
