// A full disk, end to end: the store's test hook (localStorage
// `canvass.test.quota = "full"`, honoured on 127.0.0.1 only; Chromium's
// IndexedDB ignores the DevTools quota override, measured) makes every
// write fail with QuotaExceededError, as a full disk does. The person
// sees a clear message with the reason, the answer stays on screen (held
// in memory), the backup file downloads and holds it, completing is
// refused without losing anything; with space back, the same answers save
// and the survey completes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, answer, openSurvey, questionsOf, sample, start } from './helpers.mjs';

const ID = 'property-repair-callback';

test('a full quota: clear message, answer kept, backup holds it, nothing lost', async (t) => {
  const survey = sample(ID);
  const { url, page, errors, stop } = await start();
  t.after(stop);

  await openSurvey(page, url, ID);
  const indicator = page.getByTestId('save-indicator');
  const [first, second, third] = questionsOf(survey.pages[0].elements);
  await answer(page, first, 0);
  await page.locator('[data-testid="save-indicator"][data-state="saved"]').waitFor();

  const disk = (state) => page.evaluate((s) => (s === 'full'
    ? localStorage.setItem('canvass.test.quota', 'full')
    : localStorage.removeItem('canvass.test.quota')), state);
  await disk('full');

  const value = await answer(page, second, 2);
  await page.locator('[data-testid="save-indicator"][data-state="failed"]').waitFor();
  assert.match(await indicator.textContent(), /未保存.*Quota/);
  const banner = page.getByTestId('storage-error');
  await banner.waitFor();
  assert.match(await banner.textContent(), /未保存 — 存储空间已满或不可用/);
  assert.match(await page.getByTestId('storage-error-reason').textContent(), /QuotaExceededError/);
  assert.ok(await page.getByTestId(`question-${second.name}`).locator(`input[value="${value}"]`).isChecked(),
    'the answer stays on screen');
  await page.screenshot({ path: `${ARTIFACTS}quota-360x740.png` });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-backup').click()]);
  const file = `${ARTIFACTS}quota-${download.suggestedFilename()}`;
  await download.saveAs(file);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(backup.format, 'canvass-backup');
  assert.equal(backup.drafts[ID].response.answers[second.name], value, 'the backup holds the unsaved answer');
  assert.equal(backup.drafts[ID].response.answers[first.name], 'very_satisfied');

  // Finish the survey: completing is refused while storage is full...
  await answer(page, third, 0);
  const given = {};
  for (let p = 1; p < survey.pages.length; p++) {
    await page.getByTestId('btn-next').click();
    for (const q of questionsOf(survey.pages[p].elements)) {
      const v = await answer(page, q, 0);
      if (v !== undefined) given[q.name] = v;
    }
  }
  await page.getByTestId('btn-complete').click();
  await page.locator('[data-testid="save-indicator"][data-state="failed"]').waitFor();
  assert.equal(await page.getByTestId('end-page').count(), 0, 'no end page while the response is not stored');

  // ...and works once there is space again, with every answer.
  await disk('free');
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();
  const stored = await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('canvass');
    open.onsuccess = () => {
      const get = open.result.transaction('responses').objectStore('responses').getAll();
      get.onsuccess = () => ok(get.result.map((r) => JSON.parse(r.data)));
    };
  }));
  assert.equal(stored.length, 1);
  assert.equal(stored[0].answers[second.name], value);
  for (const [name, v] of Object.entries(given)) assert.deepEqual(stored[0].answers[name], v);
  assert.deepEqual(errors.filter((e) => !/QuotaExceeded/.test(e)), []);
});
