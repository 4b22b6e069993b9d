import { useId, useState } from 'react';
import { fill } from '../../islands/fill';
import { chooseAcademy } from './choice';
import { academyChoiceDocument } from './choiceClient';
import { useSyncedDocument } from '../../islands/useSyncedDocument';
import type { AcademyView } from './types';

interface Props {
  academies: AcademyView[];
  labels: Record<string, string>;
}

/** Choosing the learner's academy: one radio per schedule, saved at once. */
export default function SchedulePicker({ academies, labels }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const id = useId();
  const state = useSyncedDocument(academyChoiceDocument);
  const [status, setStatus] = useState('');
  const chosen = state?.loaded
    ? (academies.find((a) => a.id === state.doc.academyId) ?? academies.find((a) => a.isDefault))?.id
    : undefined;

  const choose = (academy: AcademyView): void => {
    const doc = academyChoiceDocument();
    doc.update(() => chooseAcademy(academy.isDefault ? null : academy.id, new Date()));
    void doc.flush().then(() => setStatus(l('academy.picker.saved', { academy: academy.name })));
  };

  return (
    <div className="schedule-picker">
      {state?.newer ? (
        <p role="alert">{l('academy.storage.newer')}</p>
      ) : (
        state?.degraded && <p role="alert">{l('academy.storage.degraded')}</p>
      )}
      {state?.quarantined && <p role="alert">{l('academy.storage.quarantined')}</p>}
      <fieldset disabled={!state?.loaded}>
        <legend>{l('academy.picker.legend')}</legend>
        {academies.map((a) => (
          <div key={a.id} className="choice">
            <input
              type="radio"
              id={`${id}-${a.id}`}
              name={`${id}-academy`}
              value={a.id}
              checked={chosen === a.id}
              onChange={() => choose(a)}
              aria-describedby={`${id}-${a.id}-desc`}
            />{' '}
            <label htmlFor={`${id}-${a.id}`}>
              {a.name}
              {a.example && <span className="tag"> {l('academy.example')}</span>}
            </label>
            <p id={`${id}-${a.id}-desc`} className="meta">
              {a.description}
            </p>
          </div>
        ))}
      </fieldset>
      <p role="status">{status}</p>
    </div>
  );
}
