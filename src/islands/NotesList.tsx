import { useProgress } from './useProgress';
import { intlLocale, type Lang } from '../shared/languages';

interface Props {
  lang: Lang;
  labels: { empty: string; other: string; loading: string };
  /** Lesson addresses by `moduleId/lessonId`, in the page's language. */
  lessonHrefs: Record<string, string>;
}

/** The learner's answers to the reflection prompts, grouped by module in course order. */
export default function NotesList({ lang, labels, lessonHrefs }: Props) {
  const groups = useProgress((view) => {
    const known = new Set<string>();
    const byModule = view.manifest.modules.map((m) => ({
      id: m.id,
      title: m.title[lang],
      notes: m.lessons
        .map((l) => {
          known.add(`${m.id}/${l.id}`);
          return { key: `${m.id}/${l.id}`, title: l.title[lang], note: view.doc.notes[`${m.id}/${l.id}`] };
        })
        .filter((n) => n.note && n.note.text.trim() !== ''),
    }));
    // Notes of lessons that have since been removed from the course are the learner's words: keep showing them.
    const others = Object.entries(view.doc.notes)
      .filter(([key, note]) => !known.has(key) && note.text.trim() !== '')
      .map(([key, note]) => ({ key, title: key, note }));
    return [...byModule, { id: 'other', title: labels.other, notes: others }].filter((g) => g.notes.length > 0);
  }, null);
  if (groups === null) return <p>{labels.loading}</p>;
  if (groups.length === 0) return <p>{labels.empty}</p>;
  return (
    <div className="notes">
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`notes-${g.id}`}>
          <h2 id={`notes-${g.id}`}>{g.title}</h2>
          {g.notes.map((n) => (
            <article key={n.key} className="note">
              <h3>{lessonHrefs[n.key] ? <a href={lessonHrefs[n.key]}>{n.title}</a> : n.title}</h3>
              <p className="note-text">{n.note?.text}</p>
              <p className="meta">
                {new Date(n.note?.updatedAt ?? 0).toLocaleString(intlLocale(lang), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </p>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
