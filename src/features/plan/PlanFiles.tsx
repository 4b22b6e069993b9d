import { useId, useRef, useState, type ChangeEvent } from 'react';
import { PLAN_FILE_MAX_BYTES, type Plan } from '../../schemas/plan';
import { textWithin } from '../../client/documentFile';
import { planFileName, readPlanFile, stampAll } from './model';
import { planToMarkdown, type MarkdownLabels } from './markdown';
import { planDocument } from './planClient';
import { useHydrated } from '../../islands/useHydrated';
import { download } from '../../islands/download';

interface Props {
  l: (key: string, values?: Record<string, string | number>) => string;
  markdownLabels: (now: Date) => MarkdownLabels;
}

/** Export the plan as Markdown or JSON; import a JSON plan (refused with a reason, changing nothing). */
export default function PlanFiles({ l, markdownLabels }: Props) {
  const id = useId();
  const hydrated = useHydrated();
  const [refusal, setRefusal] = useState('');
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const fileName = (ext: 'md' | 'json'): string => planFileName(l('plan.export.fileName'), new Date(), ext);

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
