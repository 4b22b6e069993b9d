import { expect, test, type Page } from '@playwright/test';
import { axeClean, passQuiz, quizKey, shownKey } from './helpers';

const MODULE = 'tools';
const QUIZ = `/en/modules/${MODULE}/knowledge-check/`;

/** Every question's option texts, as shown. */
async function shownOrder(page: Page): Promise<string[][]> {
  const fieldsets = page.locator('fieldset.question');
  const order: string[][] = [];
  for (let i = 0; i < (await fieldsets.count()); i++)
    order.push(await fieldsets.nth(i).locator('li label').allTextContents());
  return order;
}

/** Opens the check and waits until the form shows the order of the stored attempt `attempt`. */
async function openQuiz(page: Page, attempt: number): Promise<void> {
  await page.goto(QUIZ);
  await expect(page.locator('form.quiz')).toHaveAttribute('data-attempt', String(attempt));
  await expect(page.getByRole('button', { name: 'Check answers' })).toBeEnabled();
}

/** Answers question i right when `right[i]`, otherwise picks one wrong option; then checks. */
async function answer(page: Page, right: boolean[]): Promise<void> {
  const key = await shownKey(page);
  const questions = page.locator('fieldset.question');
  for (const [i, options] of key.entries()) {
    const inputs = questions.nth(i).locator('input');
    if (right[i]) {
      for (const [j, isRight] of options.entries()) if (isRight) await inputs.nth(j).check();
    } else {
      await inputs.nth(options.findIndex((isRight) => !isRight)).check();
    }
  }
  await page.getByRole('button', { name: 'Check answers' }).click();
  await expect(page.getByRole('status').filter({ hasText: '%' })).toBeVisible();
}

const allWrong = (count: number): boolean[] => Array.from({ length: count }, () => false);

test.describe('knowledge check', () => {
  test('options come in a new order on each attempt, and a reload keeps the attempt’s order', async ({ page }) => {
    const authored = quizKey(MODULE).questions.map((q) => q.options.map((o) => o.text.en.trim()));
    await openQuiz(page, 0);
    const first = await shownOrder(page);
    expect(first.map((texts) => texts.map((s) => s.trim()))).not.toEqual(authored);
    await page.reload();
    await expect(page.locator('form.quiz')).toHaveAttribute('data-attempt', '0');
    expect(await shownOrder(page)).toEqual(first);

    await answer(page, allWrong(first.length));
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('form.quiz')).toHaveAttribute('data-attempt', '1');
    const second = await shownOrder(page);
    expect(second).not.toEqual(first);
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');

    await openQuiz(page, 1);
    expect(await shownOrder(page)).toEqual(second);
  });

  test('a failed attempt says which questions were wrong, with a hint, and reveals no key', async ({ page }) => {
    await openQuiz(page, 0);
    const count = await page.locator('fieldset.question').count();
    await answer(page, [true, ...allWrong(count - 1)]);
    await expect(page.getByRole('status')).toContainText(`You got 1 of ${count} right`);
    await expect(page.getByRole('status')).toContainText('read the hints and try again');
    await expect(page.getByRole('status')).toBeFocused();
    const questions = page.locator('fieldset.question');
    await expect(questions.first().locator('.verdict')).toHaveText('You answered correctly.');
    for (let i = 1; i < count; i++) {
      await expect(questions.nth(i).locator('.verdict')).toContainText('Your answer was not right. Hint:');
    }
    await expect(page.locator('.explanation, .opt-correct, .opt-wrong')).toHaveCount(0);
    // No explanation text of any option is anywhere on the page.
    const body = await page.locator('main').innerText();
    for (const q of quizKey(MODULE).questions) {
      for (const o of q.options) expect(body).not.toContain(o.explanation.en.trim().slice(0, 60));
    }
    await axeClean(page);
  });

  test('passing explains every option and says what comes next', async ({ page }) => {
    await openQuiz(page, 0);
    await passQuiz(page, 'Check answers');
    await expect(page.getByRole('status')).toContainText('You passed the knowledge check.');
    const options = page.locator('fieldset.question li');
    const count = await options.count();
    await expect(page.locator('fieldset.question li .explanation')).toHaveCount(count);
    await expect(page.locator('li.opt-correct').first()).toBeVisible();
    await axeClean(page);
  });

  test('after a third failed attempt every option is explained', async ({ page }) => {
    await openQuiz(page, 0);
    const count = await page.locator('fieldset.question').count();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await answer(page, allWrong(count));
      if (attempt < 3) {
        await expect(page.locator('.explanation')).toHaveCount(0);
        await page.getByRole('button', { name: 'Try again' }).click();
      }
    }
    await expect(page.getByRole('status')).toContainText('Every option is now explained below');
    await expect(page.locator('fieldset.question li .explanation')).toHaveCount(
      await page.locator('fieldset.question li').count(),
    );
  });

  test('a failed retake after passing keeps the pass and the best result', async ({ page }) => {
    await openQuiz(page, 0);
    await passQuiz(page, 'Check answers');
    await expect(page.getByRole('status')).toContainText('You passed');
    await page.getByRole('button', { name: 'Try again' }).click();
    const count = await page.locator('fieldset.question').count();
    await answer(page, allWrong(count));
    await expect(page.getByRole('status')).toContainText('Your earlier pass stands: your best result is still 100 %.');
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    await page.goto(`/en/modules/${MODULE}/`);
    await expect(page.locator(`a[data-quiz-module="${MODULE}"]`).first()).toHaveAttribute('data-progress', 'completed');
  });

  test('without JavaScript the options come in a fixed order that is not the authored one', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/moduulit/${MODULE}/osaamistesti/`);
    const authored = quizKey(MODULE).questions.map((q) => q.options.map((o) => o.text.fi.trim()));
    const shown = (await shownOrder(page)).map((texts) => texts.map((s) => s.trim()));
    expect(shown.map((texts) => [...texts].sort())).toEqual(authored.map((texts) => [...texts].sort()));
    shown.forEach((texts, i) => expect(texts, `question ${i + 1}`).not.toEqual(authored[i]));
    await page.reload();
    expect((await shownOrder(page)).map((texts) => texts.map((s) => s.trim()))).toEqual(shown);
    // "Choose all that apply" once per question, however the author ended the prompt.
    for (const legend of await page.locator('fieldset.question legend').allTextContents()) {
      expect(legend.split('Valitse kaikki oikeat.').length).toBeLessThanOrEqual(2);
    }
    await context.close();
  });
});
