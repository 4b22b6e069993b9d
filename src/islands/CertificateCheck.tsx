import { useId, useState, type ChangeEvent } from 'react';
import { fill } from './fill';
import { verificationCode } from '../certificate/verificationCode';
import { intlLocale, type Lang } from '../shared/languages';

export type CertificateCheckLabels = Record<'file' | 'result' | 'noCourse' | 'refused', string>;

interface Props {
  lang: Lang;
  /** The course's module ids: the code covers exactly these, as the certificate does. */
  moduleIds: string[];
  labels: CertificateCheckLabels;
}

/** Larger than any real "My data" file; a bigger one is not one. */
const MAX_BYTES = 1024 * 1024;

interface Facts {
  name: string;
  completedAt: string;
  code: string;
}

/**
 * Reads only what the code needs from a "My data" file (or a bare progress document): the certificate
 * name, the course completion time and the knowledge checks' pass times. These fields are the same in
 * every progress format shipped so far, so the file's other parts are not interpreted here.
 */
function factsOf(raw: unknown, moduleIds: string[]): Facts | null {
  const file = raw as { progress?: unknown } | null;
  const progress = (file && typeof file === 'object' && 'progress' in file ? file.progress : raw) as {
    certificate?: { name?: unknown };
    courseCompletedAt?: unknown;
    quizzes?: Record<string, { passedAt?: unknown } | undefined>;
  } | null;
  const name = progress?.certificate?.name;
  const completedAt = progress?.courseCompletedAt;
  if (typeof name !== 'string' || !name.trim() || typeof completedAt !== 'string') return null;
  const passedAt = Object.fromEntries(
    moduleIds.map((id) => {
      const at = progress?.quizzes?.[id]?.passedAt;
      return [id, typeof at === 'string' ? at : undefined];
    }),
  );
  return { name, completedAt, code: verificationCode({ name, courseCompletedAt: completedAt, passedAt }) };
}

/**
 * For a coordinator: open a learner's "My data" file and see the name, completion date and
 * verification code it gives, to compare with a printed certificate. Reads the file in this browser
 * only; nothing is stored or sent.
 */
export default function CertificateCheck({ lang, moduleIds, labels }: Props) {
  const id = useId();
  const [facts, setFacts] = useState<Facts | null>(null);
  const [problem, setProblem] = useState('');
  const locale = intlLocale(lang);

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    setFacts(null);
    setProblem('');
    if (!file) return;
    let raw: unknown;
    try {
      if (file.size > MAX_BYTES) throw new Error('size');
      raw = JSON.parse(await file.text());
    } catch {
      setProblem(fill(labels.refused, { file: file.name }));
      return;
    }
    const found = factsOf(raw, moduleIds);
    if (found) setFacts(found);
    else setProblem(fill(labels.noCourse, { file: file.name }));
  };

  return (
    <div className="certificate-check">
      <label htmlFor={id}>{labels.file}</label>{' '}
      <input id={id} type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
      <p role="status">
        {facts &&
          fill(labels.result, {
            name: facts.name,
            date: new Date(facts.completedAt).toLocaleDateString(locale, { dateStyle: 'long' }),
            code: facts.code,
          })}
      </p>
      <p role="alert">{problem}</p>
    </div>
  );
}
