import { useId, useState } from 'react';
import { useProgress } from '../../islands/useProgress';
import { planTextFields, type PlanTextField } from '../../schemas/plan';
import type { Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  l: (key: string, values?: Record<string, string | number>) => string;
  /** Appends the text to a field of the plan. */
  onPull: (field: PlanTextField, text: string) => void;
}

/** Pulls the learner's reflections from lessons into a part of the plan. */
export default function ReflectionPull({ lang, l, onPull }: Props) {
  const id = useId();
  const notes = useProgress(
    (view) =>
      view.manifest.modules.flatMap((m) =>
        m.lessons.flatMap((lesson) => {
          const note = view.doc.notes[`${m.id}/${lesson.id}`];
          return note && note.text.trim()
            ? [
                {
                  key: `${m.id}/${lesson.id}`,
                  title: `${m.title[lang]}: ${lesson.title[lang]}`,
                  text: note.text.trim(),
                },
              ]
            : [];
        }),
      ),
    null,
  );
  const [chosen, setChosen] = useState('');
  const [field, setField] = useState<PlanTextField>('mentorNotes');
  if (notes === null) return <p>{l('plan.loading')}</p>;
  if (notes.length === 0) return <p>{l('plan.reflections.none')}</p>;
  const note = notes.find((n) => n.key === chosen) ?? notes[0];
  return (
    <div className="reflection-pull">
      <p>
        <label htmlFor={`${id}-note`}>{l('plan.reflections.choose')}</label>
        <select id={`${id}-note`} value={note?.key} onChange={(e) => setChosen(e.target.value)}>
          {notes.map((n) => (
            <option key={n.key} value={n.key}>
              {n.title}
            </option>
          ))}
        </select>
      </p>
      {note && <blockquote className="note-text">{note.text}</blockquote>}
      <p>
        <label htmlFor={`${id}-field`}>{l('plan.reflections.target')}</label>
        <select id={`${id}-field`} value={field} onChange={(e) => setField(e.target.value as PlanTextField)}>
          {planTextFields.map((f) => (
            <option key={f} value={f}>
              {l(`plan.field.${f}`)}
            </option>
          ))}
        </select>
      </p>
      <button type="button" onClick={() => note && onPull(field, `${note.text}\n(${note.title})`)}>
        {l('plan.reflections.add')}
      </button>
    </div>
  );
}
