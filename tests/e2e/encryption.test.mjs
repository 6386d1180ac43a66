// At-rest encryption in a real Chromium, through the UI: turned on from
// the staff menu with the PIN (a wrong PIN changes nothing), the records
// already stored and every later one are sealed in IndexedDB and in the
// Cache Storage mirror — also a response a resident completes in
// respondent mode after a reload, when no PIN has been given in that
// page. Staff pages and the export ask for the PIN before they show or
// write anything; the export then holds the plain answers; turning
// encryption off writes everything back in the clear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, start } from './helpers.mjs';
import { readFile } from 'node:fs/promises';
import { completeFieldSurvey, loadFieldSurvey, setUpStaff } from './field.mjs';

const STRONG = '246813';
const CHANGED = '135797';
const FIRST_PHONE = '13900000001';
const SECOND_PHONE = '13900000002';

/** Every stored record of the personal kinds, in IndexedDB and in the
 * mirror, as one text: what a copy of the browser profile shows. */
async function onDisk(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, no) => {
      const r = indexedDB.open('canvass');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    let out = '';
    for (const name of ['responses', 'visits', 'followups', 'rows', 'paradata']) {
      const q = db.transaction(name).objectStore(name).getAll();
      out += JSON.stringify(await new Promise((ok) => { q.onsuccess = () => ok(q.result); }));
    }
    db.close();
    const c = await caches.open('mirror.canvass.v1');
    for (const r of await c.keys()) {
      if (/\/canvass\/(responses|visits|followups|rows|paradata)\//.test(r.url)) out += await (await c.match(r)).text();
    }
    return out;
  });
}

async function openWithPin(page, pin) {
  await page.getByTestId('sealed-gate').waitFor();
  await page.getByTestId('sealed-pin').fill(pin);
  await page.getByTestId('btn-open-sealed').click();
}

test('with encryption on, stored answers are sealed and only the PIN opens them', async (t) => {
  const { url, page, errors, stop } = await start();
  t.after(stop);
  await loadFieldSurvey(page, url);
  await setUpStaff(page, url, { pin: STRONG });

  // A household completed before encryption is turned on.
  await page.goto(`${url}staff/#/visits`);
  await page.getByTestId('visit-field-e2e').click();
  await page.getByTestId('visit-household').fill('C-301');
  await page.getByTestId('btn-start-survey').click();
  await completeFieldSurvey(page, { service: '2', phone: FIRST_PHONE, consent: true });
  assert.ok((await onDisk(page)).includes(FIRST_PHONE), 'stored in the clear before');

  // Turned on from the staff menu: a wrong PIN changes nothing.
  await page.goto(`${url}staff/#/staff`);
  await page.getByTestId('encrypt-state').filter({ hasText: /未加密|is off/ }).waitFor();
  await page.getByTestId('encrypt-pin').fill('135799');
  await page.getByTestId('btn-encrypt').click();
  await page.getByTestId('encrypt-status').filter({ hasText: /PIN 不正确|Wrong PIN/ }).waitFor();
  await page.getByTestId('encrypt-pin').fill(STRONG);
  await page.getByTestId('btn-encrypt').click();
  await page.getByTestId('encrypt-status').filter({ hasText: /条记录已加密|records encrypted/ }).waitFor();
  await page.getByTestId('encrypt-state').filter({ hasText: /加密已开启|is on/ }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}encryption-staff-360x740.png`, fullPage: true });
  // A new PIN now needs the current one, and re-wraps the key.
  await page.getByTestId('pin-current').fill(STRONG);
  await page.getByTestId('pin-new').fill(CHANGED);
  await page.getByTestId('pin-again').fill(CHANGED);
  await page.getByTestId('btn-set-pin').click();
  await page.getByTestId('pin-status').filter({ hasText: /已设置|is set/ }).waitFor();
  let disk = await onDisk(page);
  assert.ok(!disk.includes(FIRST_PHONE) && !disk.includes('C-301'), 'what was stored is sealed');
  assert.ok(disk.includes('~1.'), 'sealed records are there');

  // The next household is handed to the resident, who reloads half way
  // (a new page: no PIN given in it) and completes.
  await page.goto(`${url}staff/#/visits`);
  await page.getByTestId('btn-next-household').click();
  await page.getByTestId('visit-household').fill('C-302');
  await page.getByTestId('btn-hand-over').click();
  await page.getByTestId('fill-page').waitFor();
  await page.locator('[data-testid="question-phone"] input').fill(SECOND_PHONE);
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByTestId('fill-page').waitFor();
  assert.equal(await page.locator('[data-testid="question-phone"] input').inputValue(), SECOND_PHONE, 'the draft resumes without the PIN');
  assert.equal(await page.getByTestId('sealed-gate').count(), 0, 'no PIN prompt for the resident');
  await completeFieldSurvey(page, { service: '5', consent: true });
  disk = await onDisk(page);
  assert.ok(!disk.includes(SECOND_PHONE) && !disk.includes('C-302'), 'the resident\'s response is sealed too');

  // Back to the interviewer: the list asks for the PIN, a wrong one opens nothing.
  await page.getByTestId('btn-return').click();
  await page.getByTestId('unlock-pin').fill(CHANGED);
  await page.getByTestId('btn-unlock').click();
  await page.getByTestId('visits-page').waitFor();
  await page.goto(`${url}staff/#/responses`);
  await page.getByTestId('sealed-gate').waitFor();
  assert.equal(await page.getByTestId('response-row').count(), 0, 'nothing listed before the PIN');
  await openWithPin(page, '111111');
  await page.getByTestId('sealed-message').filter({ hasText: /PIN 不正确|Wrong PIN/ }).waitFor();
  await openWithPin(page, CHANGED);
  await page.getByTestId('response-row').nth(1).waitFor();
  const list = await page.getByTestId('response-list').innerText();
  assert.ok(list.includes('C-301') && list.includes('C-302'), 'with the PIN both households are listed');
  assert.equal(await page.getByTestId('sealed-gate').count(), 0, 'the prompt is gone');
  await page.screenshot({ path: `${ARTIFACTS}encryption-list-360x740.png`, fullPage: true });

  // The export (app bundle, a new page) asks for the PIN, then writes
  // the plain answers.
  await page.goto(url);
  await page.getByTestId('export-field-e2e').click();
  await openWithPin(page, CHANGED);
  await page.getByTestId('sealed-gate').waitFor({ state: 'detached' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-field-e2e').click(),
  ]);
  const file = `${ARTIFACTS}${download.suggestedFilename()}`;
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  const phones = exported.responses.map((r) => r.answers.phone).sort();
  assert.deepEqual(phones, [FIRST_PHONE, SECOND_PHONE], 'the export holds both responses in the clear');
  assert.equal(Object.keys(exported.paradata ?? {}).length, 2, 'with their paradata');

  // Turned off: everything back in the clear.
  await page.goto(`${url}staff/#/staff`);
  await page.getByTestId('encrypt-state').filter({ hasText: /加密已开启|is on/ }).waitFor();
  await page.getByTestId('encrypt-pin').fill(CHANGED);
  await page.getByTestId('btn-encrypt').click();
  await page.getByTestId('encrypt-status').filter({ hasText: /条记录已解密|records decrypted/ }).waitFor();
  disk = await onDisk(page);
  assert.ok(disk.includes(FIRST_PHONE) && disk.includes(SECOND_PHONE) && !disk.includes('~1.'), 'plain again');
  await page.goto(`${url}staff/#/responses`);
  await page.getByTestId('response-row').nth(1).waitFor();
  assert.equal(await page.getByTestId('sealed-gate').count(), 0);
  assert.deepEqual(errors, [], 'no errors in the browser console');
});
