import { useId, useRef, useState } from 'react';
import { fill } from '../../islands/fill';
import { useSyncedDocument } from '../../islands/useSyncedDocument';
import {
  actionStatuses,
  emptyPlan,
  PLAN_TEXT_MAX,
  planTextFields,
  type Plan,
  type PlanPart,
  type PlanTextField,
} from '../../schemas/plan';
import { editPlan, type PlanPartValue } from './model';
import Later, { useLaterHydrated } from './Later';
import ActionsTable from './ActionsTable';
import ChallengesEditor from './ChallengesEditor';
import type { MarkdownLabels } from './markdown';
import { planDocument } from './planClient';
import PlanFiles from './PlanFiles';
import ReflectionPull from './ReflectionPull';
import { intlLocale, type Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  labels: Record<string, string>;
}

/** The free-text fields of each text section, in the order they are shown. */
const basics: readonly PlanTextField[] = ['goals', 'operatingModel', 'responsibilities'];
const management: readonly PlanTextField[] = [
  'budgetCycle',
  'annualCalendar',
  'performanceManagement',
  'investmentPlans',
];
const mentor: readonly PlanTextField[] = ['mentorNotes'];

interface TextSectionProps {
  /** The worksheet's id; the section's heading and fields add to it. */
  id: string;
  section: string;
  intro?: string;
  fields: readonly PlanTextField[];
  rows?: number;
  texts: Plan['texts'];
  l: (key: string) => string;
  onEdit: (field: PlanTextField, value: string) => void;
}

/** A section of free-text fields, each with its hint, and its text again for printing. */
function TextSection({ id, section, intro, fields, rows = 5, texts, l, onEdit }: TextSectionProps) {
  return (
    <section aria-labelledby={`${id}-${section}`}>
      <h2 id={`${id}-${section}`}>{l(`plan.section.${section}`)}</h2>
      {intro && <p>{intro}</p>}
      {fields.map((f) => (
        <p key={f} className="plan-field">
          <label htmlFor={`${id}-${f}`}>{l(`plan.field.${f}`)}</label>
          <span id={`${id}-${f}-hint`} className="meta hint">
            {l(`plan.hint.${f}`)}
          </span>
          <textarea
            id={`${id}-${f}`}
            name={f}
            rows={rows}
            value={texts[f]}
            maxLength={PLAN_TEXT_MAX}
            aria-describedby={`${id}-${f}-hint`}
            onChange={(e) => {
              onEdit(f, e.target.value);
            }}
          />
          <span className="print-text">{texts[f]}</span>
        </p>
      ))}
    </section>
  );
}

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
          const time = new Date().toLocaleTimeString(intlLocale(lang), { timeStyle: 'short' });
          setSaved(planDocument().get().degraded ? l('plan.savedMemory') : l('plan.saved', { time }));
        });
    }, 400);
  };

  // Until the stored plan has been read and every part is live, the same worksheet is shown empty and
  // disabled, so the page does not shift when it arrives and nothing typed before then is lost.
  const partsLive = useLaterHydrated();
  const loaded = state?.loaded === true && partsLive;
  const plan = loaded ? state.doc : emptyPlan();

  const texts = { id, texts: plan.texts, l, onEdit: edit };

  const markdownLabels = (now: Date): MarkdownLabels => ({
    title: l('plan.title'),
    exported: l('plan.export.date', { date: now.toLocaleDateString(intlLocale(lang)) }),
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
      {state?.newer ? (
        <p role="alert">{l('plan.storage.newer')}</p>
      ) : (
        state?.degraded && <p role="alert">{l('plan.storage.degraded')}</p>
      )}
      {state?.quarantined && <p role="alert">{l('plan.storage.quarantined')}</p>}
      <p role="status" className="save-status no-print">
        {loaded ? saved : l('plan.loading')}
      </p>
      <Later>
        <TextSection {...texts} section="basics" fields={basics} />
      </Later>
      <Later>
        <section aria-labelledby={`${id}-actions`}>
          <h2 id={`${id}-actions`}>{l('plan.section.actions')}</h2>
          <ActionsTable actions={plan.actions} l={l} onChange={(v) => edit('actions', v)} />
        </section>
      </Later>
      <Later>
        <section aria-labelledby={`${id}-challenges`}>
          <h2 id={`${id}-challenges`}>{l('plan.section.challenges')}</h2>
          <p>{l('plan.challenges.intro')}</p>
          <ChallengesEditor challenges={plan.challenges} l={l} onChange={(v) => edit('challenges', v)} />
        </section>
      </Later>
      <Later>
        <TextSection {...texts} section="management" intro={l('plan.management.intro')} fields={management} rows={3} />
      </Later>
      <Later>
        <TextSection {...texts} section="mentor" fields={mentor} />
      </Later>
      <Later>
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
      </Later>
      <Later>
        <section aria-labelledby={`${id}-files`} className="no-print">
          <h2 id={`${id}-files`}>{l('plan.section.files')}</h2>
          <PlanFiles l={l} markdownLabels={markdownLabels} />
          <p>
            <button type="button" onClick={() => window.print()}>
              {l('plan.print')}
            </button>
          </p>
        </section>
      </Later>
    </fieldset>
  );
}
