// A corrupt record, end to end: after a response is completed, records of
// the wrong shape are written straight into IndexedDB (a response that is
// not JSON, an object that is not a Canvass record, a draft of another
// survey that is not a draft). After a reload they are moved to the
// quarantine store verbatim and reported in the banner; the good response
// still counts, and the other survey opens with a fresh draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, openSurvey, questionsOf, sample, start } from './helpers.mjs';

const ID = 'property-repair-callback';
const OTHER = 'power-utility-annual';

test('corrupt records are quarantined and reported, the others still load', async (t) => {
  const survey = sample(ID);
  const { url, page, errors, stop } = await start();
  t.after(stop);

  await openSurvey(page, url, ID);
  for (let p = 0; p < survey.pages.length; p++) {
    if (p > 0) await page.getByTestId('btn-next').click();
    for (const q of questionsOf(survey.pages[p].elements)) await answer(page, q, 0);
  }
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();

  await page.evaluate(([id, other]) => new Promise((ok, fail) => {
    const open = indexedDB.open('canvass');
    open.onsuccess = () => {
      const tx = open.result.transaction(['responses', 'drafts'], 'readwrite');
      tx.objectStore('responses').put({ id: 'bad-json', v: 1, data: '{"id": "bad-json", "answers": {', survey: id, unexported: 1 });
      tx.objectStore('responses').put({ id: 'not-a-record', answers: { q1: 5 }, survey: id });
      tx.objectStore('drafts').put({ id: other, v: 1, data: '{"page": "one"}', survey: other });
      tx.oncomplete = () => { open.result.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
    open.onerror = () => fail(open.error);
  }), [ID, OTHER]);

  // One reload (a single new document, so the first read that meets the
  // corrupt records is the one whose banner is checked).
  await page.reload();
  await page.getByTestId('end-page').waitFor();
  const banner = page.getByTestId('storage-error');
  const reported = (text) => banner.filter({ hasText: text }).waitFor();
  await reported('responses/bad-json 无法读取，已移至 quarantine/responses/bad-json/');
  await reported('responses/not-a-record 无法读取，已移至 quarantine/responses/not-a-record/');
  // The good response still loads: the end page shows it, the count is 1.
  assert.equal((await page.getByTestId('result-grade').textContent()).trim(), '优');
  await page.getByTestId('btn-home').click();
  await page.getByTestId(`count-${ID}`).filter({ hasText: /^1$/ }).waitFor();

  // The other survey's corrupt draft is set aside; the survey opens fresh.
  await page.getByTestId(`open-${OTHER}`).click();
  await page.getByTestId('fill-page').waitFor();
  await page.locator('[data-testid="save-indicator"][data-state="saved"]').waitFor();
  await reported(`drafts/${OTHER} 无法读取，已移至 quarantine/drafts/${OTHER}/`);

  const quarantine = await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('canvass');
    open.onsuccess = () => {
      const get = open.result.transaction('quarantine').objectStore('quarantine').getAll();
      get.onsuccess = () => ok(get.result.map((r) => JSON.parse(r.data)));
    };
  }));
  const byId = Object.fromEntries(quarantine.map((q) => [`${q.kind}/${q.id}`, q]));
  assert.equal(byId['responses/bad-json'].raw, '{"id": "bad-json", "answers": {', 'kept verbatim');
  assert.match(byId['responses/not-a-record'].raw, /"q1":5/);
  assert.equal(byId[`drafts/${OTHER}`].raw, '{"page": "one"}');
  assert.equal(quarantine.length, 3);
  assert.deepEqual(errors, []);
});
