import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { flushProgress, getProgressView, resetEverywhere, sendProgress } from '../client/progress';
import {
  buildExportFile,
  exportFileName,
  MAX_IMPORT_BYTES,
  readImportFile,
  type ImportRefusal,
} from '../client/myDataFile';
import { readQuarantined, storageInfo, type StorageInfo } from '../client/storageStatus';
import type { ProgressDocument } from '../schemas/progress';
import { keepKnown, summariseImport, type ImportSummary } from '../progress/importSummary';
import { dataSections } from '../client/dataSections';
import type { DataSection } from '../client/dataSection';
import { fill } from './fill';
import { useHydrated } from './useHydrated';
import { download } from './download';

type Labels = Record<string, string>;
type Imported = {
  doc: ProgressDocument;
  summary: ImportSummary;
  /** Facts of modules and lessons this course does not have, left out of the import. */
  dropped: number;
  sections: { section: DataSection; data: unknown }[];
};
type Step = { kind: 'idle' } | ({ kind: 'preview' | 'confirmReplace' } & Imported) | { kind: 'confirmDelete' };

/** My data: where data is stored, export, import with a preview, delete everything, set-aside data. */
export default function MyData({ labels }: { labels: Labels }) {
  const l = (key: string, values?: Record<string, string | number>): string => fill(labels[key] ?? key, values ?? {});
  const fileId = useId();
  const sectionNames = (keys: string[]): string => keys.map((key) => l(`section.${key}`)).join(', ');
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [quarantined, setQuarantined] = useState<{ key: string; value: unknown }[]>([]);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [refusal, setRefusal] = useState('');
  const [done, setDone] = useState('');
  const stepRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const hydrated = useHydrated();

  useEffect(() => {
    void storageInfo().then(setInfo);
    void readQuarantined().then(setQuarantined, () => undefined);
  }, []);
  useEffect(() => {
    if (step.kind !== 'idle') stepRef.current?.focus();
  }, [step.kind]);

  const finish = (message: string): void => {
    setStep({ kind: 'idle' });
    setDone(message);
    if (fileRef.current) fileRef.current.value = '';
    requestAnimationFrame(() => doneRef.current?.focus());
  };

  const onExport = async (): Promise<void> => {
    await flushProgress();
    const view = getProgressView();
    if (!view) return;
    const sections: Record<string, unknown> = {};
    for (const section of dataSections) {
      const data = await section.exportData();
      if (data !== undefined) sections[section.key] = data;
    }
    download(exportFileName(new Date()), JSON.stringify(buildExportFile(view.doc, new Date(), sections), null, 2));
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    setRefusal('');
    setDone('');
    setStep({ kind: 'idle' });
    const file = event.target.files?.[0];
    if (!file) return;
    // Checked before reading: a file over the limit is never read into memory.
    const result =
      file.size > MAX_IMPORT_BYTES
        ? readImportFile('', file.size, dataSections)
        : readImportFile(await file.text(), file.size, dataSections);
    if (!result.ok) {
      const reason: ImportRefusal = result.reason;
      setRefusal(l(`refused.${reason}`, { detail: result.detail ?? '' }));
      return;
    }
    // A file picked as the page opens may come before stored progress has loaded: wait for it, since
    // the preview compares the file with it. Without the course data there is nothing to compare with.
    await flushProgress();
    const view = getProgressView();
    if (!view) {
      setRefusal(l('refused.unavailable'));
      return;
    }
    const { doc, dropped } = keepKnown(result.progress, view.manifest);
    setStep({ kind: 'preview', doc, dropped, summary: summariseImport(view.doc, doc), sections: result.sections });
  };

  return (
    <>
      <section className="panel" aria-labelledby="storage-heading">
        <h2 id="storage-heading">{l('storageHeading')}</h2>
        {info ? (
          <>
            <p data-storage-driver={info.driver}>{l(`driver.${info.driver}`)}</p>
            {info.driver !== 'memory' && (
              <p data-storage-persistent={String(info.persisted === true)}>
                {info.persisted ? l('persistent') : l('notPersistent')}
              </p>
            )}
          </>
        ) : (
          <p>{l('loading')}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="export-heading">
        <h2 id="export-heading">{l('exportHeading')}</h2>
        <p>{l('exportText')}</p>
        <button type="button" className="primary" onClick={() => void onExport()}>
          {l('export')}
        </button>
      </section>

      <section className="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">{l('importHeading')}</h2>
        <p>{l('importText')}</p>
        <label htmlFor={fileId}>{l('importFile')}</label>{' '}
        <input
          ref={fileRef}
          id={fileId}
          type="file"
          disabled={!hydrated}
          accept="application/json,.json"
          onChange={(e) => void onFile(e)}
        />
        <div role="alert">{refusal}</div>
        {(step.kind === 'preview' || step.kind === 'confirmReplace') && (
          <div ref={stepRef} tabIndex={-1} className="import-preview">
            <p>{l('importPreview', { ...step.summary })}</p>
            {step.dropped > 0 && (
              <p data-import-dropped={step.dropped}>{l('importDropped', { count: step.dropped })}</p>
            )}
            {step.sections.length > 0 && (
              <ul>
                {step.sections.map(({ section, data }) => (
                  <li key={section.key}>{section.describe(data, l)}</li>
                ))}
              </ul>
            )}
            {step.kind === 'preview' ? (
              <p className="actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    sendProgress({ type: 'doc.external', doc: step.doc });
                    void Promise.all([
                      flushProgress(),
                      ...step.sections.map((x) => x.section.importData(x.data, 'merge')),
                    ]).then(() => {
                      finish(l('imported'));
                    });
                  }}
                >
                  {l('merge')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setStep({ ...step, kind: 'confirmReplace' });
                  }}
                >
                  {l('replace')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    finish('');
                  }}
                >
                  {l('cancel')}
                </button>
              </p>
            ) : (
              <>
                <p>
                  <strong>
                    {l('replaceConfirm', {
                      sections: sectionNames(['progress', ...step.sections.map((x) => x.section.key)]),
                    })}
                  </strong>
                </p>
                <p className="actions">
                  <button
                    type="button"
                    className="danger primary"
                    onClick={() => {
                      // Only what the file has is replaced; every other section stays as it is.
                      resetEverywhere();
                      sendProgress({ type: 'doc.external', doc: step.doc });
                      const replaced = ['progress', ...step.sections.map((x) => x.section.key)];
                      const kept = dataSections.filter((s) => !replaced.includes(s.key)).map((s) => s.key);
                      void Promise.all([
                        flushProgress(),
                        ...step.sections.map((x) => x.section.importData(x.data, 'replace')),
                      ]).then(() => {
                        finish(
                          kept.length > 0
                            ? l('replacedKept', { sections: sectionNames(replaced), kept: sectionNames(kept) })
                            : l('replaced', { sections: sectionNames(replaced) }),
                        );
                      });
                    }}
                  >
                    {l('replaceYes')}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      finish('');
                    }}
                  >
                    {l('cancel')}
                  </button>
                </p>
              </>
            )}
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{l('deleteHeading')}</h2>
        <p>{l('deleteText')}</p>
        {step.kind === 'confirmDelete' ? (
          <div ref={stepRef} tabIndex={-1}>
            <p>
              <strong>{l('deleteConfirm')}</strong>
            </p>
            <p className="actions">
              <button
                type="button"
                className="danger primary"
                onClick={() => {
                  resetEverywhere();
                  void Promise.all([flushProgress(), ...dataSections.map((section) => section.clear())]).then(() => {
                    finish(l('deleted'));
                  });
                }}
              >
                {l('deleteYes')}
              </button>
              <button
                type="button"
                onClick={() => {
                  finish('');
                }}
              >
                {l('cancel')}
              </button>
            </p>
          </div>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => {
              setStep({ kind: 'confirmDelete' });
            }}
          >
            {l('delete')}
          </button>
        )}
      </section>

      <p role="status" ref={doneRef} tabIndex={-1}>
        {done}
      </p>

      {quarantined.length > 0 && (
        <section className="panel" aria-labelledby="quarantine-heading">
          <h2 id="quarantine-heading">{l('quarantineHeading')}</h2>
          <p>{l('quarantineText')}</p>
          <ul>
            {quarantined.map((q) => (
              <li key={q.key}>
                <button
                  type="button"
                  onClick={() => {
                    download(`${q.key.replaceAll('/', '_')}.json`, JSON.stringify(q.value, null, 2));
                  }}
                >
                  {l('quarantineDownload', { key: q.key })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
