import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../server/collector/rateLimit';

function fakeClock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('rate limiter', () => {
  it('allows the limit within one window and refuses the next request', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: clock.now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('counts down what remains in the window', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: fakeClock().now });
    expect(limiter.take('a')).toEqual({ allowed: true, remaining: 1 });
    expect(limiter.take('a')).toEqual({ allowed: true, remaining: 0 });
  });

  it('tells a refused client how many whole seconds remain, rounded up', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: clock.now });
    limiter.take('a');
    clock.advance(45_500);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    clock.advance(14_499);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('opens a fresh window once the old one has ended', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: clock.now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    clock.advance(60_000);
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps a separate count for each client', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: fakeClock().now });
    expect(limiter.take('10.0.0.1').allowed).toBe(true);
    expect(limiter.take('10.0.0.2').allowed).toBe(true);
    expect(limiter.take('10.0.0.1').allowed).toBe(false);
  });

  it('forgets clients whose window has ended, so memory follows active clients', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 5, windowMs: 1000, now: clock.now });
    for (let i = 0; i < 100; i++) limiter.take(`client-${i}`);
    expect(limiter.size()).toBe(100);
    clock.advance(1000);
    limiter.take('late');
    expect(limiter.size()).toBe(1);
  });

  it('refuses a limit or window that would make no sense', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1.5, windowMs: 1000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});
