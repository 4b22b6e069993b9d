import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { onBeforeFlush, sendProgress } from '../client/progress';
import { useProgress } from './useProgress';

interface Props {
  moduleId: string;
  lessonId: string;
  prompt: string;
  labels: { answer: string; saved: string; notesLink: string };
  notesHref: string;
}

const SAVE_AFTER_MS = 400;

/**
 * The lesson's reflection prompt with the learner's answer, saved to their notes as they type.
 * The textarea is the learner's own until they pause; stored text only fills it when it is empty.
 */
export default function Reflection({ moduleId, lessonId, prompt, labels, notesHref }: Props) {
  const key = `${moduleId}/${lessonId}`;
  // Read-only until stored progress has loaded, so nothing typed early can be overwritten or lost.
  const { ready, stored } = useProgress((view) => ({ ready: true, stored: view.doc.notes[key]?.text }), {
    ready: false,
    stored: undefined,
  });
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = useId();

  const pending = useRef<string | null>(null);
  const save = useCallback(
    (value: string): void => {
      clearTimeout(timer.current);
      pending.current = null;
      sendProgress({ type: 'note.save', moduleId, lessonId, text: value });
      setSaved(true);
    },
    [moduleId, lessonId],
  );
  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );
  // Text typed just before the page is hidden or left is handed over before the final save.
  useEffect(
    () =>
      onBeforeFlush(() => {
        if (pending.current !== null) save(pending.current);
      }),
    [save],
  );

  const onChange = (value: string): void => {
    setText(value);
    setSaved(false);
    pending.current = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      save(value);
    }, SAVE_AFTER_MS);
  };

  return (
    <div className="reflection-answer">
      <label htmlFor={id}>
        <span className="visually-hidden">{prompt} </span>
        {labels.answer}
      </label>
      <textarea
        id={id}
        value={text ?? stored ?? ''}
        onChange={(e) => {
          onChange(e.target.value);
        }}
        onBlur={() => {
          if (pending.current !== null) save(pending.current);
        }}
        rows={5}
        readOnly={!ready}
      />
      <p className="meta" aria-live="polite">
        {saved ? labels.saved : ''} <a href={notesHref}>{labels.notesLink}</a>
      </p>
    </div>
  );
}
