import { useId, useRef, useState } from 'react';
import { fill } from '../../islands/fill';
import { useSyncedDocument } from '../../islands/useSyncedDocument';
import {
  actionStatuses,
  editPlan,
  emptyPlan,
  PLAN_TEXT_MAX,
  planTextFields,
  type PlanPart,
  type PlanPartValue,
  type PlanTextField,
} from '../../schemas/plan';
import ActionsTable from './ActionsTable';
import ChallengesEditor from './ChallengesEditor';
import type { MarkdownLabels } from './markdown';
import { planDocument } from './planClient';
import PlanFiles from './PlanFiles';
import ReflectionPull from './ReflectionPull';

interface Props {
  lang: 'fi' | 'en';
  labels: Record<string, string>;
}

const management: readonly PlanTextField[] = [
  'budgetCycle',
  'annualCalendar',
  'performanceManagement',
  'investmentPlans',
];

/** The development plan worksheet: every part autosaved to this browser as the learner types. */
export default function PlanWorksheet({ lang, labels }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const id = useId();
  const state = useSyncedDocument(planDocument);
  const [saved, setSaved] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const edit = <P extends PlanPart>(part: P, value: PlanPartValue<P>): void => {
    planDocument().update((plan) => editPlan(plan, part, value, new Date()));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void planDocument()
        .flush()
        .then(() => {
          const time = new Date().toLocaleTimeString(lang === 'fi' ? 'fi-FI' : 'en-GB', { timeStyle: 'short' });
          setSaved(planDocument().get().degraded ? l('plan.savedMemory') : l('plan.saved', { time }));
        });
    }, 400);
  };

  // Until the stored plan has been read, the same worksheet is shown empty and disabled, so the page
  // does not shift when it arrives and nothing typed before then is lost.
  const loaded = state?.loaded === true;
  const plan = loaded ? state.doc : emptyPlan();

  const text = (f: PlanTextField, rows = 5) => (
    <p key={f} className="plan-field">
      <label htmlFor={`${id}-${f}`}>{l(`plan.field.${f}`)}</label>
      <span id={`${id}-${f}-hint`} className="meta hint">
        {l(`plan.hint.${f}`)}
      </span>
      <textarea
        id={`${id}-${f}`}
        name={f}
        rows={rows}
        value={plan.texts[f]}
        maxLength={PLAN_TEXT_MAX}
        aria-describedby={`${id}-${f}-hint`}
        onChange={(e) => edit(f, e.target.value)}
      />
      <span className="print-text">{plan.texts[f]}</span>
    </p>
  );

  const markdownLabels = (now: Date): MarkdownLabels => ({
    title: l('plan.title'),
    exported: l('plan.export.date', { date: now.toLocaleDateString(lang === 'fi' ? 'fi-FI' : 'en-GB') }),
    fields: Object.fromEntries(planTextFields.map((f) => [f, l(`plan.field.${f}`)])) as Record<PlanTextField, string>,
    management: l('plan.section.management'),
    actions: l('plan.section.actions'),
    what: l('plan.actions.what'),
    who: l('plan.actions.who'),
    due: l('plan.actions.due'),
    status: l('plan.actions.status'),
    statuses: Object.fromEntries(actionStatuses.map((s) => [s, l(`plan.status.${s}`)])),
    challenges: l('plan.section.challenges'),
    challenge: l('plan.challenges.one'),
    response: l('plan.challenges.response'),
    questions: l('plan.section.questions'),
    empty: l('plan.export.empty'),
  });

  return (
    <fieldset className="plan-worksheet" disabled={!loaded} aria-busy={!loaded}>
      <legend className="visually-hidden">{l('plan.title')}</legend>
      {state?.degraded && <p role="alert">{l('plan.storage.degraded')}</p>}
      {state?.quarantined && <p role="alert">{l('plan.storage.quarantined')}</p>}
      <p role="status" className="save-status no-print">
        {loaded ? saved : l('plan.loading')}
      </p>
      <section aria-labelledby={`${id}-basics`}>
        <h2 id={`${id}-basics`}>{l('plan.section.basics')}</h2>
        {text('goals')}
        {text('operatingModel')}
        {text('responsibilities')}
      </section>
      <section aria-labelledby={`${id}-actions`}>
        <h2 id={`${id}-actions`}>{l('plan.section.actions')}</h2>
        <ActionsTable actions={plan.actions} l={l} onChange={(v) => edit('actions', v)} />
      </section>
      <section aria-labelledby={`${id}-challenges`}>
        <h2 id={`${id}-challenges`}>{l('plan.section.challenges')}</h2>
        <p>{l('plan.challenges.intro')}</p>
        <ChallengesEditor challenges={plan.challenges} l={l} onChange={(v) => edit('challenges', v)} />
      </section>
      <section aria-labelledby={`${id}-management`}>
        <h2 id={`${id}-management`}>{l('plan.section.management')}</h2>
        <p>{l('plan.management.intro')}</p>
        {management.map((f) => text(f, 3))}
      </section>
      <section aria-labelledby={`${id}-mentor`}>
        <h2 id={`${id}-mentor`}>{l('plan.section.mentor')}</h2>
        {text('mentorNotes')}
      </section>
      <section aria-labelledby={`${id}-reflections`} className="no-print">
        <h2 id={`${id}-reflections`}>{l('plan.section.reflections')}</h2>
        <ReflectionPull
          lang={lang}
          l={l}
          onPull={(f, pulled) => {
            const before = planDocument().get().doc.texts[f];
            edit(f, before.trim() ? `${before.trimEnd()}\n\n${pulled}` : pulled);
            setSaved(l('plan.reflections.added', { field: l(`plan.field.${f}`) }));
          }}
        />
      </section>
      <section aria-labelledby={`${id}-files`} className="no-print">
        <h2 id={`${id}-files`}>{l('plan.section.files')}</h2>
        <PlanFiles lang={lang} l={l} markdownLabels={markdownLabels} />
        <p>
          <button type="button" onClick={() => window.print()}>
            {l('plan.print')}
          </button>
        </p>
      </section>
    </fieldset>
  );
}
