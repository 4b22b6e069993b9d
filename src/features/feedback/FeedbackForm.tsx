import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { FeedbackItem } from '../../shared/feedback';
import {
  FEEDBACK_EMAIL_MAX,
  FEEDBACK_NAME_MAX,
  FEEDBACK_TEXT_MAX,
  feedbackTypes,
  type FeedbackType,
} from '../../shared/feedbackLimits';
import { fill } from '../../islands/fill';
import { saveFeedback } from './saveFeedback';
import { useBrowserValue, useHydrated } from '../../islands/useHydrated';
import type { Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  contentVersion: string;
  /** What the feedback is about; the general feedback page reads them from its address instead. */
  moduleId?: string | undefined;
  lessonId?: string | undefined;
  /** Title of the lesson or module, to show the learner what the feedback is tied to. */
  target?: string | undefined;
  /** Take module and lesson from `?module=&lesson=` (the general feedback page). */
  fromAddress?: boolean;
  labels: Record<string, string>;
}

type Errors = Partial<Record<'text' | 'email', string>>;
type About = { moduleId?: string | undefined; lessonId?: string | undefined; target?: string | undefined };
const noSubscription = (): (() => void) => () => undefined;

/** What the feedback is tied to: the page's own module and lesson, or `?module=&lesson=` on the feedback page. */
function aboutOf(search: string, fallback: About): About {
  const query = new URLSearchParams(search);
  const m = query.get('module') ?? undefined;
  if (!m) return fallback;
  const lesson = query.get('lesson') ?? undefined;
  return { moduleId: m, lessonId: lesson, target: lesson ? `${m} / ${lesson}` : m };
}
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A comment, question or wish, saved to the outbox first and sent when online. */
export default function FeedbackForm({
  lang,
  contentVersion,
  moduleId,
  lessonId,
  target,
  fromAddress = false,
  labels,
}: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const id = useId();
  const [type, setType] = useState<FeedbackType>('comment');
  const [rating, setRating] = useState('');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState('');
  // False in the server render and during hydration: the form stays disabled, so nothing typed early is lost.
  const hydrated = useHydrated();
  const search = useBrowserValue(noSubscription, () => window.location.search, '');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const about = aboutOf(fromAddress ? search : '', { moduleId, lessonId, target });

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const found: Errors = {};
    if (!text.trim()) found.text = l('feedback.error.text');
    else if (text.length > FEEDBACK_TEXT_MAX) found.text = l('feedback.error.tooLong', { max: FEEDBACK_TEXT_MAX });
    if (email.trim() && !emailPattern.test(email.trim())) found.email = l('feedback.error.email');
    setErrors(found);
    if (found.text) return textRef.current?.focus();
    if (found.email) return emailRef.current?.focus();
    const item: FeedbackItem = {
      id: crypto.randomUUID(),
      type,
      text: text.trim(),
      lang,
      contentVersion,
      createdAt: new Date().toISOString(),
      ...(rating ? { rating: Number(rating) } : {}),
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(about.moduleId ? { moduleId: about.moduleId as FeedbackItem['moduleId'] & string } : {}),
      ...(about.lessonId ? { lessonId: about.lessonId } : {}),
    };
    // Saved with the code the page already has, so it works offline; the outbox code loads to send it.
    await saveFeedback(item);
    setText('');
    setRating('');
    setStatus(l(navigator.onLine ? 'feedback.saved' : 'feedback.savedOffline'));
    requestAnimationFrame(() => statusRef.current?.focus());
    followDelivery(item.id);
  };

  /** Tells the learner when the collector has the item, so the message never says "will be sent" after it was. */
  const followDelivery = (itemId: string): void => {
    void import('./outboxClient')
      .then(({ outboxDocument }) => {
        const box = outboxDocument();
        const check = (): void => {
          const entry = box.get().doc.entries.find((e) => e.item.id === itemId);
          if (entry?.state === 'sent') {
            setStatus(l('feedback.sentNow'));
            stop();
          }
        };
        const stop = box.subscribe(check);
        check();
      })
      .catch(() => undefined);
  };

  const describedBy = (field: keyof Errors, extra?: string): string | undefined =>
    [errors[field] ? `${id}-${field}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <form className="feedback-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <p className="meta">
        {about.target ? l('feedback.about', { target: about.target }) : l('feedback.aboutGeneral')}
      </p>
      <fieldset disabled={!hydrated}>
        <fieldset className="inline-choices">
          <legend>{l('feedback.type')}</legend>
          {feedbackTypes.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-type`}
                value={value}
                checked={type === value}
                onChange={() => setType(value)}
              />{' '}
              {l(`feedback.type.${value}`)}
            </label>
          ))}
        </fieldset>
        <p>
          <label htmlFor={`${id}-rating`}>{l('feedback.rating')}</label>
          <select id={`${id}-rating`} value={rating} onChange={(e) => setRating(e.target.value)}>
            <option value="">{l('feedback.noRating')}</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {l('feedback.ratingValue', { n })}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor={`${id}-text`}>{l('feedback.text')}</label>
          <textarea
            ref={textRef}
            id={`${id}-text`}
            value={text}
            maxLength={FEEDBACK_TEXT_MAX}
            required
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={describedBy('text', `${id}-counter`)}
            onChange={(e) => setText(e.target.value)}
            rows={5}
          />
          <span id={`${id}-counter`} className="meta counter">
            {l('feedback.counter', { count: text.length, max: FEEDBACK_TEXT_MAX })}
          </span>
          {errors.text && (
            <span id={`${id}-text-error`} className="field-error">
              {errors.text}
            </span>
          )}
        </p>
        <p>
          <label htmlFor={`${id}-name`}>{l('feedback.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={FEEDBACK_NAME_MAX}
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
          />
        </p>
        <p>
          <label htmlFor={`${id}-email`}>{l('feedback.email')}</label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            type="email"
            value={email}
            maxLength={FEEDBACK_EMAIL_MAX}
            autoComplete="email"
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('email', `${id}-privacy`)}
            onChange={(e) => setEmail(e.target.value)}
          />
          {errors.email && (
            <span id={`${id}-email-error`} className="field-error">
              {errors.email}
            </span>
          )}
        </p>
        <p id={`${id}-privacy`} className="meta">
          {l('feedback.privacy')}
        </p>
        <button type="submit" className="primary">
          {l('feedback.submit')}
        </button>
      </fieldset>
      <p role="status" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
    </form>
  );
}
