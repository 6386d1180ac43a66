// End to end in a real Chromium against the release build: fill sample 1
// halfway, reload, the answers and the page are back; finish, the grade shown
// is the one computed by hand (docs/SAMPLES.md); export, the downloaded file
// parses and holds that response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, answer, openSurvey, questionsOf, sample, start } from './helpers.mjs';

const ID = 'property-repair-callback';
// Hand-computed in docs/SAMPLES.md ("e2e scenario"): page 1 answered with the
// second choice (满意, 30 points), later pages with the first choice
// (非常满意, 50 points), boolean yes, comment "ok".
const EXPECTED_TOTAL = 320;
const EXPECTED_GRADE = '良';

test('sample 1: answers survive a reload, the grade is right, the export holds the response', async (t) => {
  const survey = sample(ID);
  const { url, page, errors, stop } = await start();
  t.after(stop);

  await openSurvey(page, url, ID);

  const pages = survey.pages;
  const given = {};
  // Page 1: second choice everywhere.
  for (const q of questionsOf(pages[0].elements)) remember(given, q, await answer(page, q, 1));
  await page.getByTestId('btn-next').click();
  // Page 2: answer the first half, then reload.
  const second = questionsOf(pages[1].elements);
  const half = second.slice(0, Math.ceil(second.length / 2));
  for (const q of half) remember(given, q, await answer(page, q, 0));
  await page.screenshot({ path: `${ARTIFACTS}fill-360x740.png` });

  await page.reload();
  await page.getByTestId('fill-page').waitFor();
  assert.equal((await page.getByTestId('page-indicator').textContent()).replace(/\s/g, ''), `2/${pages.length}`,
    'the draft resumes on the page it was left on');
  for (const q of half) await assertAnswered(page, q, given[q.name]);
  await page.getByTestId('btn-back').click();
  for (const q of questionsOf(pages[0].elements)) await assertAnswered(page, q, given[q.name]);
  await page.getByTestId('btn-next').click();

  // Finish: the rest of page 2 and every later page with the first choice.
  for (const q of second.slice(half.length)) remember(given, q, await answer(page, q, 0));
  for (let p = 2; p < pages.length; p++) {
    await page.getByTestId('btn-next').click();
    for (const q of questionsOf(pages[p].elements)) remember(given, q, await answer(page, q, 0));
  }
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}end-360x740.png`, fullPage: true });
  const grade = (await page.getByTestId('result-grade').textContent()).trim();
  const total = Number((await page.getByTestId('result-total').textContent()).replace(/[^\d.\-]/g, ''));
  assert.equal(total, EXPECTED_TOTAL, 'raw total shown');
  assert.equal(grade, EXPECTED_GRADE, 'grade shown');

  // Export from the home page and read the real downloaded file back.
  await page.getByTestId('btn-home').click();
  assert.equal((await page.getByTestId(`count-${ID}`).textContent()).trim(), '1');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export-${ID}`).click(),
  ]);
  const file = `${ARTIFACTS}${download.suggestedFilename()}`;
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.format, 'canvass-export');
  assert.equal(exported.survey.id, ID);
  assert.equal(exported.responses.length, 1);
  const r = exported.responses[0];
  assert.match(r.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(r.completedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/);
  assert.deepEqual(r.answers, given);
  assert.equal(r.score.rawTotal, EXPECTED_TOTAL);
  assert.equal(r.score.grade, EXPECTED_GRADE);
  assert.deepEqual(errors, [], 'no errors in the browser console');
});

function remember(given, q, value) {
  if (value !== undefined) given[q.name] = value;
}

async function assertAnswered(page, q, value) {
  const box = page.getByTestId(`question-${q.name}`);
  if (q.type === 'comment') assert.equal(await box.locator('textarea').inputValue(), value);
  else if (q.type === 'dropdown') assert.equal(await box.locator('select').inputValue(), String(value));
  else assert.ok(await box.locator(`input[value="${value}"]`).isChecked(), `${q.name} is still ${value}`);
}
