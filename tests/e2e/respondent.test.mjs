// Respondent mode on a shared phone, in a real Chromium: once the phone is
// handed to a resident, neither links, typed #/ addresses, the back button
// nor a reload reach the home page, the response list, the follow-ups or
// another household's answers — in the app bundle nor in the staff
// bundle at /staff/ (a staff address loads the locked survey in the app
// instead); a wrong PIN does not unlock; after the
// survey the end page shows only a thank-you; the right PIN unlocks and the
// response list is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, start } from './helpers.mjs';
import { PIN, completeFieldSurvey, loadFieldSurvey, setUpStaff } from './field.mjs';

const OTHER_PHONE = '13800000000';

async function assertLocked(page, how) {
  await page.getByTestId('fill-page').waitFor();
  assert.match(await page.evaluate(() => location.hash), /^#\/fill\/field-e2e$/, `${how}: the address is the locked survey`);
  assert.equal(await page.evaluate(() => location.pathname), '/', `${how}: in the app bundle, not the staff bundle`);
  for (const id of ['responses-page', 'followups-page', 'visits-page', 'staff-page', 'survey-list', 'response-row']) {
    assert.equal(await page.getByTestId(id).count(), 0, `${how}: ${id} is not shown`);
  }
  const text = await page.locator('body').innerText();
  assert.ok(!text.includes('B-201') && !text.includes(OTHER_PHONE), `${how}: no other household's data on screen`);
}

test('respondent mode keeps the resident inside the current survey until the PIN is given', async (t) => {
  const { url, page, errors, stop } = await start();
  t.after(stop);
  await loadFieldSurvey(page, url);
  await setUpStaff(page, url);

  // Another household's completed response, with a phone number.
  await page.goto(`${url}staff/#/visits`);
  await page.getByTestId('visit-field-e2e').click();
  await page.getByTestId('visit-household').fill('B-201');
  await page.getByTestId('btn-start-survey').click();
  await completeFieldSurvey(page, { service: '4', phone: OTHER_PHONE, consent: true });

  // Next household, handed to the resident.
  await page.getByTestId('btn-next-household').click();
  await page.getByTestId('visit-household').fill('B-202');
  await page.getByTestId('btn-hand-over').click();
  await assertLocked(page, 'hand over');

  for (const hash of ['#/', '#/responses', '#/followups', '#/staff', '#/visits', '#/visit/field-e2e', '#/end/other', '#/fill/property-repair-callback']) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForTimeout(100);
    await assertLocked(page, `typed ${hash}`);
  }
  await page.goto(`${url}#/responses`);
  await assertLocked(page, 'navigating to #/responses');
  for (const hash of ['#/responses', '#/visits', '#/visit/field-e2e', '#/staff', '#/followups', '#/']) {
    await page.goto(`${url}staff/${hash}`);
    await assertLocked(page, `navigating to staff/${hash}`);
  }
  await page.locator('.cv-header__title').click();
  await assertLocked(page, 'the header link');
  for (let i = 0; i < 4; i++) {
    await page.goBack().catch(() => {});
    await page.waitForTimeout(100);
    if (!(await page.evaluate(() => location.href)).startsWith(url)) break;
    await assertLocked(page, `back button ${i + 1}`);
  }
  await page.goto(`${url}#/fill/field-e2e`);
  await page.reload();
  await assertLocked(page, 'reload');

  // A wrong PIN does not unlock.
  await page.getByTestId('btn-return').click();
  await page.getByTestId('unlock-pin').fill('9999');
  await page.getByTestId('btn-unlock').click();
  await page.getByTestId('unlock-message').filter({ hasText: /PIN 不正确|Wrong PIN/ }).waitFor();
  await page.evaluate(() => { location.hash = '#/responses'; });
  await page.waitForTimeout(100);
  await assertLocked(page, 'after a wrong PIN');

  // The resident finishes: only a thank-you.
  await completeFieldSurvey(page, { service: '5' });
  await page.screenshot({ path: `${ARTIFACTS}respondent-end-360x740.png` });
  for (const id of ['result-score', 'result-grade', 'btn-home', 'btn-new', 'btn-next-household']) {
    assert.equal(await page.getByTestId(id).count(), 0, `end page in respondent mode shows no ${id}`);
  }
  await page.evaluate(() => { location.hash = '#/responses'; });
  await page.waitForTimeout(100);
  await assertLocked(page, 'after completing');

  // The interviewer takes the phone back with the PIN.
  await page.getByTestId('btn-return').click();
  await page.getByTestId('unlock-pin').fill(PIN);
  await page.getByTestId('btn-unlock').click();
  await page.getByTestId('visits-page').waitFor();
  await page.goto(`${url}staff/#/responses`);
  await page.getByTestId('responses-page').waitFor();
  await page.getByTestId('response-row').first().waitFor();
  const list = await page.getByTestId('response-list').innerText();
  assert.ok(list.includes('B-201') && list.includes('B-202'), 'with the PIN the list shows both households');
  await page.reload();
  await page.getByTestId('responses-page').waitFor();
  assert.deepEqual(errors, [], 'no errors in the browser console');
});
