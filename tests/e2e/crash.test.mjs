// Crash safety, end to end: a real Chromium with a profile on disk is
// killed (SIGKILL to its whole process group) 20 times at random moments
// while a survey is being filled at full speed. An answer counts as given
// once the save indicator confirmed it (state "saved" with every write
// issued so far settled). After each restart, before anything else is
// written, every given answer must be in the stored draft with its given
// value (or a value given after it, whose save may have landed unseen),
// and the app must open the draft again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { answer, questionsOf, sample } from './helpers.mjs';
import { serve } from './server.mjs';

const ID = 'property-repair-callback';
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);

/** Starts Chromium on `profile`; resolves to its process and a CDP connection. */
async function launch(profile) {
  const proc = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--remote-debugging-port=0',
    `--user-data-dir=${profile}`, '--window-size=360,740', 'about:blank',
  ], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const ws = await new Promise((ok, fail) => {
    let text = '';
    proc.stderr.on('data', (d) => {
      text += d;
      const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) ok(m[1]);
    });
    proc.once('exit', () => fail(new Error(`chromium exited early: ${text}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  return { proc, browser };
}

/** True while any process of `pid`'s group is alive. */
function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

/** SIGKILLs the whole process group and waits until every process of it is
 * gone: a restart that overlapped the old browser's storage process would
 * find the profile's databases locked and start with empty ones, which is
 * the test's doing, not the app's (a phone never runs two at once). */
async function kill(proc) {
  if (proc.exitCode === null && proc.signalCode === null) {
    const gone = new Promise((ok) => proc.once('exit', ok));
    try { process.kill(-proc.pid, 'SIGKILL'); } catch { proc.kill('SIGKILL'); }
    await gone;
  }
  for (let i = 0; i < 200 && groupAlive(proc.pid); i++) await new Promise((ok) => setTimeout(ok, 25));
  // Chromium's helpers may leave the group; any process still naming the
  // profile is killed and waited for too.
  for (let i = 0; i < 200; i++) {
    const left = spawnSync('pgrep', ['-f', proc.spawnargs.find((a) => a.startsWith('--user-data-dir='))]).stdout.toString().trim();
    if (!left) break;
    if (i === 0) console.log(`crash: ${left.split('\n').length} Chromium processes outlived the kill`);
    spawnSync('pkill', ['-9', '-f', proc.spawnargs.find((a) => a.startsWith('--user-data-dir='))]);
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

/** The stored draft's answers, read straight from IndexedDB. */
async function storedAnswers(page) {
  return page.evaluate((id) => new Promise((ok, fail) => {
    const open = indexedDB.open('canvass');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('drafts').objectStore('drafts').get(id);
      get.onsuccess = () => { db.close(); ok(get.result ? JSON.parse(get.result.data).response.answers : null); };
      get.onerror = () => fail(get.error);
    };
  }), ID);
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const valueOf = (c) => (typeof c === 'object' && c !== null ? c.value : c);

/** Gives a random answer to `q` if it is shown; returns the value, or
 * undefined. `chosen(v)` is called before the answer is given: a kill can
 * land after the app stored it but before the action returned, so the value
 * counts as possibly given from the moment it is chosen. */
async function giveRandom(page, q, n, chosen) {
  const box = page.getByTestId(`question-${q.name}`);
  if (!(await box.isVisible())) return undefined;
  switch (q.type) {
    case 'radiogroup': {
      const v = valueOf(pick(q.choices));
      chosen(v);
      await box.locator(`input[value="${v}"]`).check();
      return v;
    }
    case 'boolean': {
      const v = Math.random() < 0.5;
      chosen(v);
      await box.locator(`input[value="${v}"]`).check();
      return v;
    }
    case 'comment': {
      const v = `note ${n}`;
      chosen(v);
      await box.locator('textarea').fill(v);
      return v;
    }
    default:
      return undefined;
  }
}

test('killing the browser 20 times mid-survey loses no confirmed answer', async (t) => {
  const survey = sample(ID);
  const server = await serve('dist', { port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'canvass-crash-'));
  let current;
  t.after(async () => {
    if (current) await kill(current.proc).catch(() => {});
    await new Promise((ok) => server.close(ok));
    rmSync(profile, { recursive: true, force: true });
  });

  // Per question: the last confirmed value and the values given after it.
  const given = new Map();
  let confirmedCount = 0;
  let checkedCount = 0;
  let n = 0;
  for (let round = 0; round < ROUNDS; round++) {
    current = await launch(profile);
    const context = current.browser.contexts()[0];
    const page = context.pages()[0] ?? (await context.newPage());

    // After the restart: what was given is stored, before the app writes.
    await page.goto(url);
    await page.getByTestId(`open-${ID}`).waitFor();
    const stored = (await storedAnswers(page)) ?? {};
    for (const [name, { confirmed, later }] of given) {
      const ok = [confirmed, ...later].some((v) => JSON.stringify(v) === JSON.stringify(stored[name]));
      assert.ok(ok, `round ${round}: ${name} was confirmed as ${JSON.stringify(confirmed)}, stored ${JSON.stringify(stored[name])}`);
      checkedCount++;
    }
    // What is stored now is what counts from here on.
    for (const [name, v] of Object.entries(stored)) given.set(name, { confirmed: v, later: [] });

    await page.getByTestId(`open-${ID}`).click();
    await page.getByTestId('fill-page').waitFor();
    const indicator = page.getByTestId('save-indicator');

    // Fill at full speed until the kill lands at a random moment.
    const killAt = 100 + Math.random() * 1400;
    // `dead` is set before the signal is sent: any error after it is the kill's.
    let dead = false;
    const { proc } = current;
    const killed = new Promise((ok) => setTimeout(() => { dead = true; kill(proc).then(ok); }, killAt));
    try {
      while (!dead) {
        const pageNo = Number((await page.getByTestId('page-indicator').textContent()).match(/(\d+)\s*\//)[1]) - 1;
        const qs = questionsOf(survey.pages[pageNo].elements);
        const q = pick(qs);
        const v = await giveRandom(page, q, n++, (chosen) => {
          const entry = given.get(q.name) ?? { confirmed: undefined, later: [] };
          entry.later.push(chosen);
          given.set(q.name, entry);
        });
        if (v === undefined) continue;
        const issued = Number(await indicator.getAttribute('data-issued'));
        // Confirmed: saved, and the write of this answer has settled.
        for (let i = 0; i < 40 && !dead; i++) {
          const [state, settled] = await indicator.evaluate((e) => [e.dataset.state, Number(e.dataset.settled)]);
          if (state === 'saved' && settled >= issued) {
            given.set(q.name, { confirmed: v, later: [] });
            confirmedCount++;
            break;
          }
          await new Promise((ok) => setTimeout(ok, 5));
        }
        if (Math.random() < 0.15 && pageNo < survey.pages.length - 1) await page.getByTestId('btn-next').click();
        else if (Math.random() < 0.1 && pageNo > 0) await page.getByTestId('btn-back').click();
      }
    } catch (e) {
      if (!dead) {
        // Not the kill: a real failure. Wait for the kill to clean up first.
        await killed;
        throw e;
      }
    }
    await killed;
    await current.browser.close().catch(() => {});
    current = undefined;
  }
  console.log(`crash: ${ROUNDS} kills, ${confirmedCount} answers confirmed, ${checkedCount} checks after restarts`);
  assert.ok(confirmedCount >= ROUNDS, `answers were confirmed (${confirmedCount})`);
  assert.ok(checkedCount > 0);
});

/** Every record of `store`, read straight from IndexedDB. */
async function storedAll(page, store) {
  return page.evaluate((name) => new Promise((ok, fail) => {
    const open = indexedDB.open('canvass');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction(name).objectStore(name).getAll();
      all.onsuccess = () => { db.close(); ok(all.result.map((r) => JSON.parse(r.data))); };
      all.onerror = () => fail(all.error);
    };
  }), store);
}

// What the crash test saw about once in 500 kills (Chromium found its
// IndexedDB LevelDB corrupt and started an empty one, `dataLoss: "total"`),
// produced on purpose: the browser is killed and the origin's IndexedDB
// directory deleted. The drafts and unexported responses come back from
// the Cache Storage mirror (src/storage/mirror.rs), and the banner says so.
test('an IndexedDB lost under the app gets its draft and unexported responses back', async (t) => {
  const survey = sample(ID);
  const server = await serve('dist', { port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'canvass-lost-'));
  let current = await launch(profile);
  t.after(async () => {
    if (current) await kill(current.proc).catch(() => {});
    await new Promise((ok) => server.close(ok));
    rmSync(profile, { recursive: true, force: true });
  });
  let context = current.browser.contexts()[0];
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.getByTestId(`open-${ID}`).click();
  await page.getByTestId('fill-page').waitFor();
  // One complete response (first choices everywhere).
  for (const [i, p] of survey.pages.entries()) {
    for (const q of questionsOf(p.elements)) await answer(page, q, 0);
    await page.getByTestId(i === survey.pages.length - 1 ? 'btn-complete' : 'btn-next').click();
  }
  await page.getByTestId('end-page').waitFor();
  // A new draft with two answers, confirmed.
  await page.goto(url);
  await page.getByTestId(`open-${ID}`).click();
  await page.getByTestId('fill-page').waitFor();
  const first = questionsOf(survey.pages[0].elements);
  const given = { [first[0].name]: await answer(page, first[0], 1), [first[1].name]: await answer(page, first[1], 2) };
  const indicator = page.getByTestId('save-indicator');
  await page.waitForFunction(() => {
    const e = document.querySelector('[data-testid="save-indicator"]');
    return e && e.dataset.state === 'saved' && Number(e.dataset.settled) >= Number(e.dataset.issued);
  });
  assert.equal(await indicator.getAttribute('data-state'), 'saved');
  const before = await storedAll(page, 'responses');
  assert.equal(before.length, 1);

  await kill(current.proc);
  const idb = join(profile, 'Default', 'IndexedDB');
  assert.ok(existsSync(idb), 'the profile has an IndexedDB directory to lose');
  rmSync(idb, { recursive: true, force: true });

  current = await launch(profile);
  context = current.browser.contexts()[0];
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.getByTestId(`open-${ID}`).waitFor();
  assert.deepEqual(await storedAnswers(page), given);
  const after = await storedAll(page, 'responses');
  assert.deepEqual(after.map((r) => r.id), before.map((r) => r.id));
  assert.deepEqual(after[0].answers, before[0].answers);
  await assert.doesNotReject(page.getByTestId('storage-error').waitFor());
  const restored = Number((await page.getByTestId('storage-error').textContent()).match(/(?:恢复的记录数：|second copy:)\s*(\d+)/)[1]);
  assert.ok(restored >= 2, `restored ${restored} records`);
  // The draft opens where it was.
  await page.getByTestId(`open-${ID}`).click();
  await page.getByTestId('fill-page').waitFor();
  for (const [name, v] of Object.entries(given)) {
    await assert.doesNotReject(page.getByTestId(`question-${name}`).locator(`input[value="${v}"]:checked`).waitFor());
  }
});
