import { expect, test } from '@playwright/test';
import { manifestOf } from './helpers';

/** Writes a value straight into the course's IndexedDB store, as a broken or old build might have. */
async function writeRaw(page: import('@playwright/test').Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    async ([k, v]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('hankintapolku');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('data', 'readwrite');
        tx.objectStore('data').put(v, k);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      db.close();
    },
    [key, value] as const,
  );
}

async function readRaw(page: import('@playwright/test').Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('hankintapolku');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const value = await new Promise<unknown>((resolve) => {
      const r = db.transaction('data').objectStore('data').get(k);
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return value;
  }, key);
}

async function storedKeys(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('hankintapolku');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const r = db.transaction('data').objectStore('data').getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return keys.map(String);
  });
}

test.describe('stored data from an earlier version', () => {
  test('progress stored in the first format (v1) shows as before and is rewritten in the current one', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    const module = (await manifestOf(page)).modules[0];
    const [done, opened] = module?.lessons ?? [];
    if (module === undefined || done === undefined || opened === undefined) throw new Error('no lessons');
    await writeRaw(page, 'progress', {
      kind: 'hankintapolku.progress',
      schemaVersion: 1,
      contentVersion: 'an-older-build',
      updatedAt: '2026-03-02T10:00:00.000+02:00',
      lessons: {
        [`${module.id}/${done.id}`]: {
          firstOpenedAt: '2026-03-02T07:00:00.000Z',
          completedAt: '2026-03-02T07:09:00.000Z',
        },
        [`${module.id}/${opened.id}`]: { firstOpenedAt: '2026-03-02T10:00:00.000+02:00' },
      },
      quizzes: {},
      notes: {},
    });
    await page.goto(`/moduulit/${module.id}/`);
    const list = page.locator('.lesson-list');
    await expect(list.locator(`[data-lesson-id="${done.id}"]`)).toHaveAttribute('data-progress', 'completed');
    await expect(list.locator(`[data-lesson-id="${opened.id}"]`)).toHaveAttribute('data-progress', 'in-progress');
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Once this build has written it, it is in the current stored form, with the same instants.
    await expect
      .poll(async () => ((await readRaw(page, 'progress')) as { schemaVersion?: number }).schemaVersion)
      .toBe(2);
    const stored = (await readRaw(page, 'progress')) as { lessons: Record<string, Record<string, number[]>> };
    expect(stored.lessons[module.id]).toEqual({
      [done.id]: [Date.parse('2026-03-02T07:00:00.000Z'), 9 * 60_000],
      [opened.id]: [Date.parse('2026-03-02T08:00:00.000Z')],
    });
  });
});

test.describe('stored data from a newer version', () => {
  test('is kept exactly as it is, and the learner is told that a newer version saved it', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    const newer = { kind: 'hankintapolku.progress', schemaVersion: 99, lessons: { future: 'format' } };
    await writeRaw(page, 'progress', newer);
    const module = (await manifestOf(page)).modules[0];
    const lesson = module?.lessons[0];
    if (!module || !lesson) throw new Error('no lesson');
    await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
    await expect(page.getByRole('alert')).toContainText('kurssin uudempi versio');
    await expect(page.getByRole('alert')).not.toContainText('Selaimesi ei salli');
    await page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/${lesson.id}/`));
    expect(await readRaw(page, 'progress')).toEqual(newer);
  });

  test('a development plan from a newer version is kept as it is, and the plan page says so', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    const newer = { kind: 'hankintapolku.plan', schemaVersion: 99, sections: { future: 'format' } };
    await writeRaw(page, 'plan', newer);
    await page.goto('/kehittamissuunnitelma/');
    await expect(page.getByRole('alert')).toContainText('kurssin uudempi versio');
    await expect(page.getByRole('alert')).not.toContainText('Selain ei salli');
    await page.getByLabel('Tavoitteet', { exact: true }).fill('Muutos, jota ei tallenneta uuden version päälle');
    await page.goto('/');
    expect(await readRaw(page, 'plan')).toEqual(newer);
  });
});

test.describe('stored data that goes wrong', () => {
  test('unreadable progress is set aside, the learner is told, and the course starts clean without crashing', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    await writeRaw(page, 'progress', { kind: 'hankintapolku.progress', schemaVersion: 1, lessons: 'not an object' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('ei voitu lukea');
    await expect(page.locator('.module-list [data-progress="not-started"]')).toHaveCount(7);
    const keys = await storedKeys(page);
    expect(keys.some((k) => /^quarantine\/.+\/progress$/.test(k))).toBe(true);
    expect(errors).toEqual([]);

    await page.goto('/en/my-data/');
    await expect(page.getByRole('heading', { name: 'Data set aside' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Download quarantine\// })).toBeVisible();
  });

  test('without IndexedDB the course keeps progress in localStorage', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[0];
    const lesson = module?.lessons[0];
    if (!module || !lesson) throw new Error('no lesson');
    await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
    await page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/${lesson.id}/`));
    await page.goto(`/moduulit/${module.id}/`);
    await expect(page.locator(`.lesson-list [data-lesson-id="${lesson.id}"]`)).toHaveAttribute(
      'data-progress',
      'completed',
    );
    await expect(page.locator('[data-storage-notice]')).toBeEmpty();
    await page.goto('/omat-tiedot/');
    await expect(page.locator('[data-storage-driver]')).toHaveAttribute('data-storage-driver', 'localstorage');
  });

  test('with no storage at all the course works in memory and says progress will not be kept', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('katoavat, kun suljet sivun');
    const manifest = await manifestOf(page);
    const module = manifest.modules[0];
    const lesson = module?.lessons[0];
    await page.goto(`/moduulit/${module?.id}/${lesson?.id}/`);
    await expect(page.locator(`.toc [data-lesson-id="${lesson?.id}"]`)).toHaveAttribute('data-progress', 'in-progress');
    await expect(page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' })).toBeEnabled();
  });
});
