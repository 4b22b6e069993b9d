import { useId, useState } from 'react';
import { sendProgress, useProgress } from '../../islands/useProgress';
import { fill } from '../../islands/fill';
import { lifeCycleCost, offerProblem, type Offer } from './lifeCycleCost';
import { intlLocale, type Lang } from '../../shared/languages';

export type CalculatorLabels = Record<
  | 'offerA'
  | 'offerB'
  | 'purchase'
  | 'energy'
  | 'maintenance'
  | 'disposal'
  | 'years'
  | 'rate'
  | 'shared'
  | 'result'
  | 'resultA'
  | 'resultB'
  | 'cheaper'
  | 'equal'
  | 'negative'
  | 'badYears'
  | 'save'
  | 'saved'
  | 'noteTitle',
  string
>;

interface Props {
  lang: Lang;
  /** Where the saved result goes in the learner's notes ("moduleId/lessonId" style key parts). */
  noteModuleId: string;
  noteLessonId: string;
  /** The worked example the calculator opens with. */
  start: { a: Omit<Offer, 'years'>; b: Omit<Offer, 'years'>; years: number; ratePercent: number };
  labels: CalculatorLabels;
}

type Fields = Record<'purchase' | 'energyPerYear' | 'maintenancePerYear' | 'disposal', string>;
const fieldsOf = (offer: Omit<Offer, 'years'>): Fields => ({
  purchase: String(offer.purchase),
  energyPerYear: String(offer.energyPerYear),
  maintenancePerYear: String(offer.maintenancePerYear),
  disposal: String(offer.disposal),
});
/** Reads a number as a Finn or an English speaker writes it: "1 200,50", "1200.5". */
const numberOf = (text: string): number =>
  text.trim() === '' ? NaN : Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.'));

/**
 * Compares the life-cycle costs (present value) of two offers. Renders the worked example's result
 * in the built page, so it reads without JavaScript; live, it recalculates as the learner types and
 * can save the comparison to their notes.
 */
export default function LifeCycleCalculator({ lang, noteModuleId, noteLessonId, start, labels }: Props) {
  const id = useId();
  const locale = intlLocale(lang);
  const [a, setA] = useState<Fields>(() => fieldsOf(start.a));
  const [b, setB] = useState<Fields>(() => fieldsOf(start.b));
  const [years, setYears] = useState(String(start.years));
  const [rate, setRate] = useState(String(start.ratePercent));
  const [saved, setSaved] = useState(false);
  const ready = useProgress(() => true, false);

  const offer = (f: Fields): Offer => ({
    purchase: numberOf(f.purchase),
    energyPerYear: numberOf(f.energyPerYear),
    maintenancePerYear: numberOf(f.maintenancePerYear),
    disposal: numberOf(f.disposal),
    years: numberOf(years),
  });
  const rateValue = numberOf(rate) / 100;
  const problem =
    offerProblem(offer(a)) ??
    offerProblem(offer(b)) ??
    (Number.isFinite(rateValue) && rateValue >= 0 && rateValue < 1 ? null : 'negative');
  const euros = (value: number): string =>
    value.toLocaleString(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const costA = problem ? 0 : lifeCycleCost(offer(a), rateValue);
  const costB = problem ? 0 : lifeCycleCost(offer(b), rateValue);
  const difference = Math.abs(costA - costB);
  const verdict =
    Math.round(difference) === 0
      ? labels.equal
      : fill(labels.cheaper, { offer: costA < costB ? labels.offerA : labels.offerB, difference: euros(difference) });
  const summary = problem
    ? ''
    : [
        fill(labels.noteTitle, { years, rate }),
        `${labels.resultA}: ${euros(costA)}`,
        `${labels.resultB}: ${euros(costB)}`,
        verdict,
      ].join('\n');

  const field = (prefix: string, fields: Fields, set: (f: Fields) => void, key: keyof Fields, label: string) => (
    <p className="calc-field">
      <label htmlFor={`${id}-${prefix}-${key}`}>{label}</label>
      <input
        id={`${id}-${prefix}-${key}`}
        inputMode="decimal"
        value={fields[key]}
        onChange={(e) => {
          set({ ...fields, [key]: e.target.value });
          setSaved(false);
        }}
      />
    </p>
  );
  const offerFields = (prefix: string, legend: string, fields: Fields, set: (f: Fields) => void) => (
    <fieldset className="calc-offer">
      <legend>{legend}</legend>
      {field(prefix, fields, set, 'purchase', labels.purchase)}
      {field(prefix, fields, set, 'energyPerYear', labels.energy)}
      {field(prefix, fields, set, 'maintenancePerYear', labels.maintenance)}
      {field(prefix, fields, set, 'disposal', labels.disposal)}
    </fieldset>
  );

  return (
    <form className="box calculator" onSubmit={(e) => e.preventDefault()}>
      <div className="calc-offers">
        {offerFields('a', labels.offerA, a, setA)}
        {offerFields('b', labels.offerB, b, setB)}
      </div>
      <fieldset className="calc-offer">
        <legend>{labels.shared}</legend>
        <p className="calc-field">
          <label htmlFor={`${id}-years`}>{labels.years}</label>
          <input id={`${id}-years`} inputMode="numeric" value={years} onChange={(e) => setYears(e.target.value)} />
        </p>
        <p className="calc-field">
          <label htmlFor={`${id}-rate`}>{labels.rate}</label>
          <input id={`${id}-rate`} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />
        </p>
      </fieldset>
      <div className="calc-result" aria-live="polite">
        {problem ? (
          <p className="field-problem">{problem === 'years' ? labels.badYears : labels.negative}</p>
        ) : (
          <>
            <p className="box-label">{labels.result}</p>
            <p>
              {labels.resultA}: <strong data-lcc="a">{euros(costA)}</strong>
              <br />
              {labels.resultB}: <strong data-lcc="b">{euros(costB)}</strong>
            </p>
            <p data-lcc="verdict">{verdict}</p>
          </>
        )}
      </div>
      <p>
        <button
          type="button"
          disabled={!ready || problem !== null}
          onClick={() => {
            sendProgress({ type: 'note.save', moduleId: noteModuleId, lessonId: noteLessonId, text: summary });
            setSaved(true);
          }}
        >
          {labels.save}
        </button>{' '}
        <span role="status">{saved ? labels.saved : ''}</span>
      </p>
    </form>
  );
}
