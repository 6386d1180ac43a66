// End to end, the storage migration that comes with issue 5's scale work,
// in a real Chromium: a database written by the previous release (response
// records without the `done` mark and no `done` index, list rows at record
// version 1 — each chunk's rows as a JSON string) is upgraded when the app
// opens it. The home page then counts the completed responses from the new
// index, the response list reads the old chunks, and writes them back at
// version 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.mjs';

const SURVEY = 'property-repair-callback';
const KINDS = ['drafts', 'responses', 'visits', 'followups', 'surveys', 'settings', 'quarantine', 'rows', 'media', 'paradata'];

test('an older database gains the done index and version-2 list rows, nothing lost', async (t) => {
  const { url, page, errors, stop } = await start();
  t.after(stop);

  // A page of the same origin that does not run the app.
  await page.goto(`${url}manifest.webmanifest`);
  await page.evaluate(async ([kinds, survey]) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('canvass', 1);
      r.onupgradeneeded = () => {
        for (const k of kinds) {
          const s = r.result.createObjectStore(k, { keyPath: 'id' });
          s.createIndex('survey', 'survey');
          s.createIndex('unexported', 'unexported');
        }
      };
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction(['responses', 'rows'], 'readwrite');
    const rows = [];
    for (let i = 0; i < 3; i++) {
      const id = `00000000-0000-4000-8000-00000000000${i}`;
      const at = `2026-11-2${i}T10:00:00+08:00`;
      const completed = i < 2;
      const visit = { household: `1-${i}`, interviewer: '访员1', outcome: completed ? 'completed' : 'refused', at, channel: 'doorToDoor' };
      const response = { id, survey: { id: survey, version: '1', hash: 'h' }, startedAt: at, answers: {}, visit, ...(completed ? { completedAt: at } : {}) };
      tx.objectStore('responses').put({ id, v: 1, data: JSON.stringify(response), survey, unexported: 1 });
      rows.push({ id, survey, status: completed ? 'completed' : 'visitOnly', at, interviewer: '访员1', household: `1-${i}`, outcome: visit.outcome, visitAt: at, text: `1-${i}\n访员1` });
    }
    tx.objectStore('rows').put({ id: 'chunk:00000', v: 1, data: JSON.stringify(JSON.stringify(rows)) });
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
  }, [KINDS, SURVEY]);

  // The app upgrades the database: two completed responses are counted.
  await page.goto(url);
  await page.getByTestId(`count-${SURVEY}`).filter({ hasText: /^2$/ }).waitFor();

  await page.getByTestId('link-staff-menu').click();
  await page.evaluate(() => { location.hash = '#/responses'; });
  await page.getByTestId('list-count').filter({ hasText: /^3$/ }).waitFor();
  assert.equal(await page.getByTestId('response-row').count(), 3);

  const stored = await page.waitForFunction(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('canvass'); r.onsuccess = () => ok(r.result); });
    const tx = db.transaction(['responses', 'rows']);
    const get = (req) => new Promise((ok) => { req.onsuccess = () => ok(req.result); });
    const responses = await get(tx.objectStore('responses').getAll());
    const done = await get(tx.objectStore('responses').index('done').count('property-repair-callback'));
    const chunk = await get(tx.objectStore('rows').get('chunk:00000'));
    db.close();
    return chunk.v === 2 && { marks: responses.map((r) => r.done ?? null), done, rows: JSON.parse(chunk.data).length };
  });
  assert.deepEqual(await stored.jsonValue(), { marks: [SURVEY, SURVEY, null], done: 2, rows: 3 });

  assert.deepEqual(errors, []);
});
