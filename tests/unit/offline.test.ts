import { describe, expect, it } from 'vitest';
import {
  isEnglishNavigation,
  isOtherNavigation,
  offlinePages,
  serviceWorkerOptions,
} from '../../scripts/buildServiceWorker.mjs';
import { offlineStateOf } from '../../src/features/offline/offlineState';
import { formatSize } from '../../src/features/offline/precacheSummary';
import { pathFor } from '../../src/i18n/routes';

const visit = (path: string, mode: RequestMode = 'navigate') => ({
  request: { mode } as Request,
  url: new URL(path, 'https://kurssi.example.fi'),
});

describe('the service worker configuration', () => {
  it('sends an unknown English navigation to the English offline page and every other one to the Finnish', () => {
    expect(isEnglishNavigation(visit('/en/no-such-page/'))).toBe(true);
    expect(isEnglishNavigation(visit('/en'))).toBe(true);
    expect(isEnglishNavigation(visit('/english-is-not-a-prefix/'))).toBe(false);
    expect(isOtherNavigation(visit('/moduulit/ei-ole/'))).toBe(true);
    const options = serviceWorkerOptions('dist');
    const fallbacks = options.runtimeCaching?.map((rule) => rule.options?.precacheFallback?.fallbackURL);
    expect(fallbacks).toEqual([`/${offlinePages.en}`, `/${offlinePages.fi}`]);
  });

  it('puts the offline pages where the routes say they are', () => {
    expect(`/${offlinePages.fi}`).toBe(`${pathFor({ kind: 'offline' }, 'fi')}index.html`);
    expect(`/${offlinePages.en}`).toBe(`${pathFor({ kind: 'offline' }, 'en')}index.html`);
  });

  it('never routes requests to the feedback collector, nor anything but navigations', () => {
    expect(isOtherNavigation(visit('/api/feedback'))).toBe(false);
    expect(isEnglishNavigation(visit('/en/', 'cors'))).toBe(false);
    expect(isOtherNavigation(visit('/_astro/x.js', 'no-cors'))).toBe(false);
  });

  it('waits for the learner before a new version takes over, and serves pages whatever their query', () => {
    const options = serviceWorkerOptions('dist');
    expect(options.skipWaiting).toBe(false);
    expect(options.directoryIndex).toBe('index.html');
    expect(options.ignoreURLParametersMatching?.some((re) => re.test('q'))).toBe(true);
    expect(options.ignoreURLParametersMatching?.some((re) => re.test('ts'))).toBe(true);
  });
});

describe('offline state', () => {
  it('is ready once a worker is active, even while a newer one installs', () => {
    expect(offlineStateOf({ active: {}, installing: null, waiting: null })).toBe('ready');
    expect(offlineStateOf({ active: {}, installing: {}, waiting: null })).toBe('ready');
  });

  it('is installing until the first worker has cached everything', () => {
    expect(offlineStateOf({ active: null, installing: {}, waiting: null })).toBe('installing');
    expect(offlineStateOf({ active: null, installing: null, waiting: {} })).toBe('installing');
  });

  it('has failed when no worker is left (the install failed, e.g. on a full disk)', () => {
    expect(offlineStateOf({ active: null, installing: null, waiting: null })).toBe('failed');
    expect(offlineStateOf(undefined)).toBe('failed');
  });
});

describe('sizes for people', () => {
  it('says megabytes with one decimal in each language’s way', () => {
    expect(formatSize(4_230_000, 'fi')).toBe('4,2 Mt');
    expect(formatSize(4_230_000, 'en')).toBe('4.2 MB');
  });

  it('says kilobytes below a megabyte', () => {
    expect(formatSize(850_000, 'en')).toBe('850 kB');
    expect(formatSize(850_000, 'fi')).toBe('850 kt');
  });
});
