import type { FeedbackItem } from '../../shared/feedback';
import type { DeliveryResult } from './outbox';

const retryAfterMs = (header: string | null): number | undefined => {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
};

/**
 * Sends one item to the collector and says what happened. 2xx: delivered (a duplicate is fine, the
 * collector already has it). 408, 429 and 5xx or no answer: try again later. Any other 4xx: the
 * collector refuses the item itself, and resending would not help.
 */
export async function deliver(
  item: FeedbackItem,
  endpoint: string,
  fetcher: typeof fetch = fetch,
): Promise<DeliveryResult> {
  let response: Response;
  try {
    response = await fetcher(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(item),
    });
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : 'network error' };
  }
  if (response.ok) return { kind: 'delivered' };
  const body = (await response.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string> };
  const reason =
    [body.error, ...Object.values(body.fields ?? {})].filter(Boolean).join(' ') || `HTTP ${response.status}`;
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    return { kind: 'failed', reason, retryAfterMs: retryAfterMs(response.headers.get('Retry-After')) };
  }
  return { kind: 'refused', reason };
}
