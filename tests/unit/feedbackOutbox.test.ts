import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addItem,
  afterDelivery,
  backoffMs,
  dueEntries,
  emptyOutbox,
  mergeOutboxes,
  nextDueAt,
  parseOutbox,
  recordDelivery,
  retryNow,
  type Outbox,
} from '../../src/features/feedback/outbox';
import { deliver } from '../../src/features/feedback/deliver';
import type { FeedbackItem } from '../../src/shared/feedback';
import { NewerFormatError } from '../../src/storage/documentStore';

const item = (n: number): FeedbackItem => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'comment',
  text: `palaute ${n}`,
  lang: 'fi',
  contentVersion: 'abc123',
  createdAt: new Date(Date.UTC(2026, 10, 1, 12, 0, n)).toISOString(),
});
const t0 = new Date('2026-11-22T10:00:00Z');

describe('the feedback outbox', () => {
  it('keeps a new item waiting to be sent at once', () => {
    const box = addItem(emptyOutbox(), item(1));
    expect(dueEntries(box, t0).map((e) => e.item.id)).toEqual([item(1).id]);
    expect(addItem(box, item(1))).toBe(box);
  });

  it('marks an item sent when the collector stores it, and never sends it again', () => {
    const box = recordDelivery(addItem(emptyOutbox(), item(1)), item(1).id, { kind: 'delivered' }, t0);
    expect(box.entries[0]).toMatchObject({ state: 'sent', attempts: 1, sentAt: t0.toISOString() });
    expect(dueEntries(box, new Date('2030-01-01'))).toEqual([]);
  });

  it('waits longer after each failure, honours Retry-After, and then sends again', () => {
    let box = addItem(emptyOutbox(), item(1));
    box = recordDelivery(box, item(1).id, { kind: 'failed', reason: 'offline' }, t0);
    expect(box.entries[0]?.nextAttemptAt).toBe(new Date(t0.getTime() + 15_000).toISOString());
    expect(dueEntries(box, new Date(t0.getTime() + 14_999))).toEqual([]);
    expect(dueEntries(box, new Date(t0.getTime() + 15_000))).toHaveLength(1);
    box = recordDelivery(box, item(1).id, { kind: 'failed', reason: 'busy', retryAfterMs: 120_000 }, t0);
    expect(box.entries[0]?.nextAttemptAt).toBe(new Date(t0.getTime() + 120_000).toISOString());
    expect(nextDueAt(box)).toBe(t0.getTime() + 120_000);
    expect(box.entries[0]?.lastError).toBe('busy');
    expect(dueEntries(retryNow(box, item(1).id), t0)).toHaveLength(1);
  });

  it('backs off from 15 seconds, doubling, to at most an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(backoffMs(40)).toBe(3_600_000);
  });

  it('keeps a refused item with its reason and does not resend it', () => {
    const entry = afterDelivery(
      { item: item(1), state: 'waiting', attempts: 0 },
      { kind: 'refused', reason: 'Write your feedback.' },
      t0,
    );
    expect(entry).toMatchObject({ state: 'refused', refusedReason: 'Write your feedback.' });
    expect(afterDelivery(entry, { kind: 'delivered' }, t0)).toBe(entry);
  });

  it('merges two tabs without losing or duplicating an item, in any order', () => {
    const states = fc.constantFrom('waiting', 'sent', 'refused');
    const outbox = fc
      .array(
        fc.record({ n: fc.integer({ min: 1, max: 6 }), state: states, attempts: fc.integer({ min: 0, max: 5 }) }),
        { maxLength: 8 },
      )
      .map((rows): Outbox => ({
        ...emptyOutbox(),
        entries: rows.map((r) => ({ item: item(r.n), state: r.state, attempts: r.attempts })),
      }));
    fc.assert(
      fc.property(outbox, outbox, (a, b) => {
        const ab = mergeOutboxes(a, b);
        const ids = new Set([...a.entries, ...b.entries].map((e) => e.item.id));
        expect(ab.entries.map((e) => e.item.id).sort()).toEqual([...ids].sort());
        expect(mergeOutboxes(ab, ab)).toEqual(ab);
        // A sent item stays sent whichever tab is merged first.
        for (const e of ab.entries) {
          if ([...a.entries, ...b.entries].some((x) => x.item.id === e.item.id && x.state === 'sent'))
            expect(e.state).toBe('sent');
        }
      }),
    );
  });

  it('reads a stored outbox, refuses a foreign one and leaves a newer one alone', () => {
    const box = addItem(emptyOutbox(), item(1));
    expect(parseOutbox(JSON.parse(JSON.stringify(box)))).toEqual(box);
    expect(() => parseOutbox({ kind: 'something-else' })).toThrow();
    expect(() => parseOutbox({ ...box, schemaVersion: 2 })).toThrow(NewerFormatError);
  });
});

describe('delivering an item', () => {
  const answer = (status: number, body: unknown = {}, headers: Record<string, string> = {}) =>
    (() => Promise.resolve(new Response(JSON.stringify(body), { status, headers }))) as typeof fetch;

  it('counts both a new and a duplicate item as delivered', async () => {
    expect(await deliver(item(1), '/api/feedback', answer(201))).toEqual({ kind: 'delivered' });
    expect(await deliver(item(1), '/api/feedback', answer(200, { status: 'duplicate' }))).toEqual({
      kind: 'delivered',
    });
  });

  it('retries after no answer, a busy server or a rate limit', async () => {
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await deliver(item(1), '/api/feedback', offline)).toMatchObject({
      kind: 'failed',
      reason: 'Failed to fetch',
    });
    expect(await deliver(item(1), '/api/feedback', answer(503, { error: 'busy' }))).toMatchObject({ kind: 'failed' });
    expect(
      await deliver(item(1), '/api/feedback', answer(429, { error: 'Too many' }, { 'Retry-After': '30' })),
    ).toEqual({
      kind: 'failed',
      reason: 'Too many',
      retryAfterMs: 30_000,
    });
  });

  it('gives the collector’s reason when it refuses the item', async () => {
    const result = await deliver(
      item(1),
      '/api/feedback',
      answer(400, { error: 'Invalid feedback', fields: { text: 'Write your feedback.' } }),
    );
    expect(result).toEqual({ kind: 'refused', reason: 'Invalid feedback Write your feedback.' });
  });
});
