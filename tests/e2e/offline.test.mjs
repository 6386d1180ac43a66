// Offline, end to end against the release build: load the app once (the
// service worker precaches every file), stop the server and take the
// browser offline, reload — the app opens from the cache, a survey can be
// filled and completed (grade shown), the export downloads, and the staff
// bundle (/staff/, precached with the app) opens and lists the response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, answer, openSurvey, questionsOf, sample, start } from './helpers.mjs';

const ID = 'property-repair-callback';

test('after one visit the app opens, fills, completes and exports with no network', async (t) => {
  const survey = sample(ID);
  const { server, url, context, page, errors, stop } = await start();
  t.after(stop);

  await page.goto(url);
  await page.getByTestId(`open-${ID}`).waitFor();
  // The worker installed (every file cached) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((ok) => setTimeout(ok, 50));
  });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('canvass-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.some((p) => p.endsWith('.wasm')), `the wasm is precached: ${cached}`);
  assert.ok(cached.includes('/index.html') && cached.includes('/manifest.webmanifest'));
  assert.ok(cached.includes('/staff/index.html') && cached.some((p) => /^\/staff\/.*\.wasm$/.test(p)), `the staff bundle is precached: ${cached}`);

  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await context.setOffline(true);
  const down = await page.evaluate(() => fetch('/nowhere-' + Math.random()).then(() => 'up', () => 'down'));
  assert.equal(down, 'down', 'the network is really gone');
  errors.splice(0); // the probe's own failed fetch

  await page.reload();
  await openSurvey(page, url, ID);
  for (let p = 0; p < survey.pages.length; p++) {
    if (p > 0) await page.getByTestId('btn-next').click();
    for (const q of questionsOf(survey.pages[p].elements)) await answer(page, q, 0);
  }
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();
  assert.equal((await page.getByTestId('result-grade').textContent()).trim(), '优');

  await page.getByTestId('btn-home').click();
  assert.equal((await page.getByTestId(`count-${ID}`).textContent()).trim(), '1');
  await page.getByTestId('storage-unexported').filter({ hasText: /^1$/ }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export-${ID}`).click(),
  ]);
  const file = `${ARTIFACTS}offline-${download.suggestedFilename()}`;
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.responses.length, 1);
  await page.getByTestId('storage-unexported').filter({ hasText: /^0$/ }).waitFor();

  // The staff bundle opens offline too, from the home page's link.
  await page.getByTestId('link-staff-menu').click();
  await page.getByTestId('staff-page').waitFor();
  await page.getByTestId('link-responses').click();
  await page.getByTestId('response-row').first().waitFor();
  assert.equal(await page.evaluate(() => location.pathname), '/staff/');
  assert.deepEqual(errors, [], 'no errors in the browser console');
});
