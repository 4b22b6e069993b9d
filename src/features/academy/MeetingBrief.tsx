import { useRef, useState } from 'react';
import { fill } from '../../islands/fill';
import { useProgress } from '../../islands/useProgress';
import { useSyncedDocument } from '../../islands/useSyncedDocument';
import { planTextFields } from '../../schemas/plan';
import { briefPlanDocument } from './planClient';
import QuestionsEditor from './QuestionsEditor';
import { intlLocale, type Lang } from '../../shared/languages';

export interface BriefModule {
  id: string;
  title: string;
  href: string;
  lessons: { id: string; title: string; prompt: string }[];
}

interface Props {
  lang: Lang;
  modules: BriefModule[];
  planHref: string;
  labels: Record<string, string>;
}

/**
 * The learner's part of a pre-meeting brief: the modules studied and their reflections, the plan's
 * current state and the open questions to bring. Printable (the print stylesheet hides the controls).
 */
export default function MeetingBrief({ lang, modules, planHref, labels }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const progress = useProgress(
    (view) => ({ notes: view.doc.notes, status: (id: string) => view.moduleStatus(id) }),
    null,
  );
  const plan = useSyncedDocument(briefPlanDocument);
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onSaved = (): void => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void briefPlanDocument()
        .flush()
        .then(() =>
          setStatus(
            l('academy.brief.saved', {
              time: new Date().toLocaleTimeString(intlLocale(lang), { timeStyle: 'short' }),
            }),
          ),
        );
    }, 400);
  };
  if (!progress || !plan?.loaded) return <p>{l('academy.loading')}</p>;
  const doc = plan.doc;
  const filled = planTextFields.filter((f) => doc.texts[f].trim() !== '');

  return (
    <div className="brief">
      {plan.newer ? (
        <p role="alert">{l('academy.storage.newer')}</p>
      ) : (
        plan.degraded && <p role="alert">{l('academy.storage.degraded')}</p>
      )}
      {plan.quarantined && <p role="alert">{l('academy.storage.quarantined')}</p>}
      <section aria-labelledby="brief-modules">
        <h2 id="brief-modules">{l('academy.brief.modules')}</h2>
        {modules.length === 0 && <p>{l('academy.brief.noModules')}</p>}
        {modules.map((m) => (
          <article key={m.id} className="brief-module" data-module-id={m.id} data-progress={progress.status(m.id)}>
            <h3>
              <a href={m.href}>{m.title}</a> – {l(`academy.status.${progress.status(m.id)}`)}
            </h3>
            {m.lessons.map((lesson) => {
              const note = progress.notes[`${m.id}/${lesson.id}`]?.text.trim();
              return (
                <div key={lesson.id} className="brief-reflection">
                  <h4>{lesson.title}</h4>
                  <p className="meta">{lesson.prompt}</p>
                  <p className={note ? 'note-text' : 'meta'}>{note ?? l('academy.brief.noReflection')}</p>
                </div>
              );
            })}
          </article>
        ))}
      </section>
      <section aria-labelledby="brief-plan">
        <h2 id="brief-plan">{l('academy.brief.plan')}</h2>
        {filled.length === 0 && doc.actions.length === 0 && doc.challenges.length === 0 ? (
          <p>{l('academy.brief.planEmpty')}</p>
        ) : (
          <>
            {filled.map((f) => (
              <div key={f}>
                <h3>{l(`academy.brief.field.${f}`)}</h3>
                <p className="note-text">{doc.texts[f]}</p>
              </div>
            ))}
            {doc.challenges.length > 0 && (
              <>
                <h3>{l('academy.brief.challenges')}</h3>
                <ol>
                  {doc.challenges.map((c) => (
                    <li key={c.id}>
                      <strong>{c.need}</strong> {c.response && `– ${c.response}`}
                    </li>
                  ))}
                </ol>
              </>
            )}
            {doc.actions.length > 0 && (
              <div className="table-scroll">
                <table className="data-table">
                  <caption>{l('academy.brief.actions')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{l('academy.brief.what')}</th>
                      <th scope="col">{l('academy.brief.who')}</th>
                      <th scope="col">{l('academy.brief.due')}</th>
                      <th scope="col">{l('academy.brief.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {doc.actions.map((a) => (
                      <tr key={a.id}>
                        <td>{a.what}</td>
                        <td>{a.who}</td>
                        <td>{a.due}</td>
                        <td>{l(`academy.brief.actionStatus.${a.status}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
        <p className="no-print">
          <a href={planHref}>{l('academy.brief.editPlan')}</a>
        </p>
      </section>
      <section aria-labelledby="brief-questions">
        <h2 id="brief-questions">{l('academy.brief.questions')}</h2>
        <QuestionsEditor questions={doc.questions} labels={labels} onSaved={onSaved} />
        <p role="status">{status}</p>
      </section>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {l('academy.brief.print')}
        </button>
      </p>
    </div>
  );
}
