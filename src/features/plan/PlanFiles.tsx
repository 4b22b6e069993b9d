import { useId, useRef, useState, type ChangeEvent } from 'react';
import { PLAN_FILE_MAX_BYTES, readPlanFile, type Plan } from '../../schemas/plan';
import { textWithin } from '../../schemas/documentFile';
import { planToMarkdown, type MarkdownLabels } from './markdown';
import { planDocument, stampAll } from './planClient';
import { useHydrated } from '../../islands/useHydrated';
import { download } from '../../islands/download';
import type { Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  l: (key: string, values?: Record<string, string | number>) => string;
  markdownLabels: (now: Date) => MarkdownLabels;
}

/** Export the plan as Markdown or JSON; import a JSON plan (refused with a reason, changing nothing). */
export default function PlanFiles({ lang, l, markdownLabels }: Props) {
  const id = useId();
  const hydrated = useHydrated();
  const [refusal, setRefusal] = useState('');
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const fileName = (ext: string): string =>
    `${lang === 'fi' ? 'kehittamissuunnitelma' : 'development-plan'}-${new Date().toISOString().slice(0, 10)}.${ext}`;

  const current = async (): Promise<Plan> => {
    const doc = planDocument();
    await doc.flush();
    return doc.get().doc;
  };
  const exportMarkdown = async (): Promise<void> => {
    download(
      fileName('md'),
      planToMarkdown(await current(), markdownLabels(new Date())),
      'text/markdown;charset=utf-8',
    );
  };
  const exportJson = async (): Promise<void> => {
    download(fileName('json'), JSON.stringify(await current(), null, 2), 'application/json');
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    setStatus('');
    const result = readPlanFile(await textWithin(file, PLAN_FILE_MAX_BYTES), file.size);
    input.value = '';
    if (!result.ok) {
      setRefusal(l(`plan.import.refused.${result.reason}`, { detail: result.detail ?? '' }));
      requestAnimationFrame(() => alertRef.current?.focus());
      return;
    }
    setRefusal('');
    const doc = planDocument();
    doc.replace(stampAll(result.doc, new Date()));
    await doc.flush();
    setStatus(l('plan.import.done'));
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <div className="plan-files">
      <p className="actions">
        <button type="button" onClick={() => void exportMarkdown()}>
          {l('plan.export.markdown')}
        </button>
        <button type="button" onClick={() => void exportJson()}>
          {l('plan.export.json')}
        </button>
      </p>
      <p>
        <label htmlFor={`${id}-import`}>{l('plan.import.label')}</label>
        <input
          id={`${id}-import`}
          type="file"
          disabled={!hydrated}
          accept=".json,application/json"
          aria-describedby={`${id}-import-help`}
          onChange={(e) => void onFile(e)}
        />
        <span id={`${id}-import-help`} className="meta">
          {l('plan.import.help')}
        </span>
      </p>
      <p role="alert" ref={alertRef} tabIndex={-1} className="refusal">
        {refusal}
      </p>
      <p role="status" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
    </div>
  );
}
