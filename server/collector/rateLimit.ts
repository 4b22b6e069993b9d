// A fixed-window rate limiter per client key (the remote address). Pure: the clock is injected, so
// tests step time by hand. A fixed window lets a client send up to twice the limit across a window
// edge; for keeping a pilot collector from being flooded that is good enough, and it costs two numbers
// per client instead of a timestamp per request.

export interface RateLimitOptions {
  /** Requests allowed per client in one window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** The clock, in milliseconds; Date.now unless a test gives its own. */
  now?: () => number;
}

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request by `key` and says whether it may go ahead. */
  take(key: string): RateLimitDecision;
  /** Number of clients currently tracked (for tests and memory checks). */
  size(): number;
}

interface Window {
  start: number;
  count: number;
}

export function createRateLimiter({ limit, windowMs, now = Date.now }: RateLimitOptions): RateLimiter {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`The rate limit must be a whole number of at least 1, not ${limit}.`);
  }
  if (!(windowMs > 0)) throw new RangeError(`The rate-limit window must be positive, not ${windowMs} ms.`);
  const windows = new Map<string, Window>();
  let lastSweep = now();

  // Forget clients whose window has ended, at most once per window, so memory follows active clients.
  function sweep(time: number): void {
    if (time - lastSweep < windowMs) return;
    lastSweep = time;
    for (const [key, window] of windows) if (time - window.start >= windowMs) windows.delete(key);
  }

  return {
    take(key) {
      const time = now();
      sweep(time);
      let window = windows.get(key);
      if (!window || time - window.start >= windowMs) {
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((window.start + windowMs - time) / 1000));
        return { allowed: false, retryAfterSeconds };
      }
      window.count += 1;
      return { allowed: true, remaining: limit - window.count };
    },
    size: () => windows.size,
  };
}
