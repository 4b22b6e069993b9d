import { expect, test, type Download } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { axeClean } from './helpers';

const textOf = async (download: Download): Promise<string> => readFile(await download.path(), 'utf8');

/** 15 November 2026, 10:00 in Helsinki: between the example academy's first and second meeting. */
const NOW = new Date('2026-11-15T08:00:00Z');

test.describe('academy schedule', () => {
  test('a learner picks a schedule and home shows the next meeting, days left and what is due', async ({ page }) => {
    await page.clock.setFixedTime(NOW);
    await page.goto('/');
    // A self-paced learner sees no meeting card; the schedules are in the menu.
    await expect(page.locator('.next-meeting-pending')).toBeAttached();
    await expect(page.locator('.next-meeting')).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Itseopiskelu' }).click();
    await expect(page).toHaveURL('/aikataulu/');
    await expect(page.getByText('Opiskelet omaan tahtiisi, joten tapaamisia ei ole')).toBeVisible();
    await page.getByLabel(/Esimerkkiakatemia 2026–2027/).check();
    await expect(page.getByRole('status').filter({ hasText: 'Aikataulu tallennettu' })).toBeVisible();
    const meetings = page.locator('.meetings > li');
    await expect(meetings).toHaveCount(4);
    await expect(meetings.first()).toContainText('Tapaaminen on pidetty.');
    await expect(meetings.nth(1)).toHaveClass(/is-next/);
    await expect(meetings.nth(1).locator('[data-module-id="goals"]')).toHaveAttribute('data-progress', 'not-started');
    await axeClean(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa tapaamiset kalenteriin (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('esimerkkiakatemia-2026-2027.ics');
    const ics = await textOf(download);
    expect(ics).toContain('BEGIN:VCALENDAR\r\n');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(ics).toContain('DTSTART;TZID=Europe/Helsinki:20261203T090000');

    await page.goto('/');
    const panel = page.locator('.next-meeting');
    await expect(panel).toHaveAttribute('data-next-meeting', 'sprint-2');
    await expect(panel).toContainText('Sprinttitapaaminen 2: Tavoitteet ja vaikuttavuus');
    await expect(panel).toContainText('Tapaamiseen on 18 päivää.');
    await expect(panel.locator('[data-module-id="goals"]')).toContainText('aloittamatta');
    // The first period's modules are not done, so the learner is behind.
    await expect(panel).toHaveAttribute('data-pace', 'behind');
    await expect(panel).toContainText('Olet jäljessä aikataulusta.');
    await axeClean(page);

    await page.reload();
    await expect(page.locator('.next-meeting')).toHaveAttribute('data-next-meeting', 'sprint-2');
    await page.goto('/en/');
    await expect(page.locator('.next-meeting')).toContainText('18 days to the meeting.');
    await page.getByRole('link', { name: 'Pre-meeting brief' }).click();
    await expect(page).toHaveURL('/en/schedule/esimerkkiakatemia-2026-2027/sprint-2/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pre-meeting brief: sprint meeting 2');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await expect(page.getByLabel('Question 1')).toBeFocused();
    await page.getByLabel('Question 1').fill('How do we budget for market dialogue?');
    await expect(page.getByRole('status').filter({ hasText: 'Saved at' })).toBeVisible();
    await axeClean(page);
    await page.reload();
    await expect(page.getByLabel('Question 1')).toHaveValue('How do we budget for market dialogue?');
    await page.getByRole('button', { name: 'Remove question 1' }).click();
    await expect(page.getByRole('button', { name: 'Add a question' })).toBeFocused();
  });
});

test.describe('development plan', () => {
  test('the plan is autosaved, survives a reload, is edited offline, exported as Markdown and re-imported from JSON', async ({
    page,
    context,
  }) => {
    await page.goto('/kehittamissuunnitelma/');
    const goals = page.getByLabel('Tavoitteet', { exact: true });
    await goals.fill('Puolet ruokapalvelun hankinnoista kasvispainotteisiksi vuoteen 2028 mennessä.');
    await page.getByRole('button', { name: 'Lisää toimenpide' }).click();
    await expect(page.getByLabel('Toimenpide 1: mitä')).toBeFocused();
    await page.getByLabel('Toimenpide 1: mitä').fill('Markkinavuoropuhelu');
    await page.getByLabel('Toimenpide 1: kuka').fill('Hankintapäällikkö');
    await page.getByLabel('Toimenpide 1: mihin mennessä').fill('2027-02-15');
    await page.getByLabel('Toimenpide 1: tila').selectOption('in-progress');
    await page.getByRole('button', { name: 'Lisää innovaatiohaaste' }).click();
    await expect(page.getByLabel('Uudistumisen tarve')).toBeFocused();
    await page.getByLabel('Uudistumisen tarve').fill('Kotihoidon kuljetukset');
    await page.getByLabel('Talousarvioprosessi').fill('Esitys talousarvioon syyskuussa');
    await expect(page.getByRole('status').filter({ hasText: 'Tallennettu tähän selaimeen' })).toBeVisible();
    await axeClean(page);

    await page.reload();
    await expect(goals).toHaveValue(/kasvispainotteisiksi/);
    await expect(page.getByLabel('Toimenpide 1: kuka')).toHaveValue('Hankintapäällikkö');
    await expect(page.getByLabel('Toimenpide 1: tila')).toHaveValue('in-progress');

    // Offline on the loaded page: edits are still saved in the browser.
    await context.setOffline(true);
    await page.getByLabel('Muistiinpanot mentorille').fill('Kysy mentorilta mittareista.');
    await expect(page.getByRole('status').filter({ hasText: 'Tallennettu tähän selaimeen' })).toBeVisible();
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa Markdown-tiedostona' }).click(),
    ]);
    const markdown = await textOf(md);
    expect(markdown).toContain('# Kehittämissuunnitelma');
    expect(markdown).toContain('kasvispainotteisiksi');
    expect(markdown).toContain('| Markkinavuoropuhelu | Hankintapäällikkö | 2027-02-15 | Käynnissä |');
    expect(markdown).toContain('Kysy mentorilta mittareista.');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa JSON-tiedostona' }).click(),
    ]);
    const exported = await textOf(json);
    await context.setOffline(false);

    // Change the plan, then bring the exported one back.
    await page.getByRole('button', { name: 'Poista toimenpide 1' }).click();
    await expect(page.getByRole('button', { name: 'Lisää toimenpide' })).toBeFocused();
    await goals.fill('Jotain muuta');
    const importInput = page.getByLabel('Tuo suunnitelma JSON-tiedostosta');

    // A foreign file is refused with a reason and changes nothing.
    await importInput.setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"kind":"something-else"}'),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'ei ole Hankintapolusta viety' })).toBeVisible();
    await importInput.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{not json'),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'ei ole JSON-muotoinen' })).toBeVisible();
    await expect(goals).toHaveValue('Jotain muuta');

    await importInput.setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(page.getByRole('status').filter({ hasText: 'Suunnitelma tuotu tiedostosta.' })).toBeVisible();
    await expect(goals).toHaveValue(/kasvispainotteisiksi/);
    await expect(page.getByLabel('Toimenpide 1: mitä')).toHaveValue('Markkinavuoropuhelu');
    await expect(page.getByLabel('Muistiinpanot mentorille')).toHaveValue('Kysy mentorilta mittareista.');
    await page.reload();
    await expect(page.getByLabel('Toimenpide 1: mitä')).toHaveValue('Markkinavuoropuhelu');
    await axeClean(page);
  });
});

test.describe('competence self-assessment', () => {
  test('taken before and after, both show in the chart and the table with the modules to focus on', async ({
    page,
  }) => {
    await page.goto('/en/self-assessment/');
    await expect(page.getByText('The results appear once you have answered')).toBeVisible();
    const statements = page.locator('fieldset.statement');
    const count = await statements.count();
    expect(count).toBeGreaterThanOrEqual(12);
    for (let i = 0; i < count; i++)
      await statements
        .nth(i)
        .getByLabel(i < 2 ? '1 – not at all' : '2 – a little')
        .check();
    await expect(
      page.getByRole('status').filter({ hasText: 'The assessment "Before studying" is complete and saved.' }),
    ).toBeVisible();
    await page.getByLabel('After studying', { exact: true }).check();
    for (let i = 0; i < count; i++) await statements.nth(i).getByLabel('4 – well').check();
    await expect(
      page.getByRole('status').filter({ hasText: 'The assessment "After studying" is complete and saved.' }),
    ).toBeVisible();

    const chart = page.getByRole('img', { name: /Self-assessment averages by module/ });
    await expect(chart.locator('rect.chart-before')).toHaveCount(8); // 7 bars and the legend
    await expect(chart.locator('rect.chart-after')).toHaveCount(8);
    await expect(chart.locator('desc')).toContainText('before 1.0, after 4.0');
    const table = page.locator('[data-table="self-assessment"]');
    await expect(table.locator('[data-row-module="background"]')).toContainText(/1\.0\s*4\.0\s*\+3\.0/);
    await expect(table.locator('[data-row-module="goals"]')).toContainText(/2\.0\s*4\.0\s*\+2\.0/);
    await expect(page.locator('.focus-modules li')).not.toHaveCount(0);
    await axeClean(page);

    await page.reload();
    await expect(page.locator('[data-table="self-assessment"] [data-row-module="background"]')).toContainText('+3.0');
    await page.goto('/itsearviointi/');
    await expect(page.locator('[data-table="self-assessment"] [data-row-module="background"]')).toContainText('+3,0');
    await axeClean(page);
  });
});

test.describe('team view', () => {
  const summary = (name: string, id: string, completed: number, before: number | null) => ({
    kind: 'hankintapolku.summary',
    schemaVersion: 1,
    id,
    name,
    exportedAt: '2026-11-20T10:00:00.000Z',
    modules: Object.fromEntries(
      ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'].map((m, i) => [
        m,
        i < completed ? 'completed' : i === completed ? 'in-progress' : 'not-started',
      ]),
    ),
    assessment: { before, after: null },
  });
  const file = (name: string, data: unknown) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });

  test('a learner exports a summary and a coordinator imports three, refusing a malformed one', async ({ page }) => {
    await page.goto('/tiimi/');
    await page.getByRole('button', { name: 'Lataa yhteenveto tiedostona' }).click();
    await expect(page.getByLabel('Nimi, joka näkyy koordinaattorille')).toBeFocused();
    await expect(page.getByText('Kirjoita nimi, joka näkyy koordinaattorille.')).toBeVisible();
    await page.getByLabel('Nimi, joka näkyy koordinaattorille').fill('Maija');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa yhteenveto tiedostona' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hankintapolku-yhteenveto-maija.json');
    const own = JSON.parse(await textOf(download)) as { kind: string; name: string; modules: Record<string, string> };
    expect(own.kind).toBe('hankintapolku.summary');
    expect(own.name).toBe('Maija');
    expect(Object.keys(own.modules)).toHaveLength(7);
    await axeClean(page);

    const input = page.getByLabel('Tuo yhteenvetotiedostoja');
    await input.setInputFiles([
      file('maija.json', own),
      file('pekka.json', summary('Pekka', 'pekka-0000-1111', 3, 2.5)),
      file('liisa.json', summary('Liisa', 'liisa-0000-2222', 7, 3.1)),
    ]);
    await expect(page.getByRole('status').filter({ hasText: 'Tuotiin 3 yhteenvetoa.' })).toBeVisible();
    const rows = page.locator('[data-table="team"] tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(page.locator('tr[data-member="Liisa"] td[data-status="completed"]')).toHaveCount(7);
    await expect(page.locator('tr[data-member="Pekka"] td[data-status="in-progress"]')).toHaveCount(1);
    await expect(page.locator('tr[data-member="Pekka"]')).toContainText('2,5');

    await input.setInputFiles([
      file('broken.json', { kind: 'hankintapolku.summary', schemaVersion: 1, name: '' }),
      file('plan.json', { kind: 'hankintapolku.plan' }),
    ]);
    const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
    await expect(alert).toContainText('Tiedostoa broken.json ei tuotu: sen sisältö on virheellinen');
    await expect(alert).toContainText('Tiedostoa plan.json ei tuotu: se ei ole Hankintapolusta ladattu yhteenveto.');
    await expect(rows).toHaveCount(3);
    await axeClean(page);

    await page.reload();
    await expect(page.locator('[data-table="team"] tbody tr')).toHaveCount(3);
  });
});
