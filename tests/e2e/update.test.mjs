// A new release while a survey is being filled, end to end: the app runs
// from a copy of the release build; a changed sw.js (a new build version)
// installs a new worker, which waits. On the fill page the app shows
// "update" and does not reload by itself; the person keeps answering.
// Tapping update activates the new worker, the page reloads, the draft
// resumes with every answer, and the old cache is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer, openSurvey, questionsOf, sample, start } from './helpers.mjs';

const ID = 'property-repair-callback';

const controlled = async (page) => page.evaluate(async () => {
  await navigator.serviceWorker.ready;
  while (!navigator.serviceWorker.controller) await new Promise((ok) => setTimeout(ok, 50));
});

test('an update waits while a survey is filled, applies on tap, and keeps the draft', async (t) => {
  const survey = sample(ID);
  const root = mkdtempSync(join(tmpdir(), 'canvass-update-'));
  cpSync('dist', root, { recursive: true });
  const { url, page, errors, stop } = await start({ root });
  t.after(async () => { await stop(); rmSync(root, { recursive: true, force: true }); });

  await page.goto(url);
  await controlled(page);
  await openSurvey(page, url, ID);
  const [first, second] = questionsOf(survey.pages[0].elements);
  await answer(page, first, 1);
  await page.locator('[data-testid="save-indicator"][data-state="saved"]').waitFor();
  await page.evaluate(() => { window.__sameDocument = true; });

  // A new release: another build version.
  const sw = join(root, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByTestId('update-bar').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload while filling');

  await answer(page, second, 2);
  await page.locator('[data-testid="save-indicator"][data-state="saved"]').waitFor();
  await Promise.all([page.waitForEvent('load'), page.getByTestId('btn-update').click()]);
  await page.getByTestId('fill-page').waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'the page reloaded');
  const box = (q) => page.getByTestId(`question-${q.name}`);
  assert.ok(await box(first).locator('input[value="satisfied"]').isChecked(), 'answer before the update kept');
  assert.ok(await box(second).locator('input[value="neutral"]').isChecked(), 'answer after the update notice kept');
  // The asset caches (`canvass-<version>`): only the new one is left. The
  // records' second copy (`mirror.canvass.v1`) is not an asset cache and
  // must survive every update.
  const all = await page.evaluate(() => caches.keys());
  const caches = all.filter((k) => k.startsWith('canvass-'));
  assert.equal(caches.length, 1, `old caches deleted: ${caches}`);
  assert.match(caches[0], /-next$/);
  assert.ok(all.includes('mirror.canvass.v1'), `the records' second copy survives the update: ${all}`);
  assert.equal(await page.getByTestId('update-bar').count(), 0);
  assert.deepEqual(errors, []);
});
