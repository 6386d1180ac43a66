// Browser benchmark (not a test): resizing a 12-megapixel photo
// (4000×3000 JPEG, made by Chromium's own encoder) through the app's file
// input — the worker decodes, scales to 1600 px and encodes; the page
// stores the Blob and the reference. Prints the time from choosing the
// file to "photo saved" and the longest main-thread task seen meanwhile
// (PerformanceObserver 'longtask': tasks over 50 ms), normal and with the
// CPU throttled 4× (DevTools Emulation.setCPUThrottlingRate). For
// contrast, the same resize done naively on the main thread
// (<img> decode + canvas drawImage + toBlob).
//   node tests/perf/photo.mjs          (after scripts/build.sh)
import { writeFileSync } from 'node:fs';
import { ARTIFACTS, start } from '../e2e/helpers.mjs';

const RUNS = 3;
const ID = 'repair-photo-check';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { url, page, context, stop } = await start();
try {
  await page.goto(url);
  // A photo-like 12 MP JPEG: gradients and noise, encoded at 0.92.
  const b64 = await page.evaluate(async () => {
    const c = new OffscreenCanvas(4000, 3000);
    const g = c.getContext('2d');
    const grad = g.createLinearGradient(0, 0, 4000, 3000);
    grad.addColorStop(0, '#4a6b8a'); grad.addColorStop(1, '#d9b38c');
    g.fillStyle = grad; g.fillRect(0, 0, 4000, 3000);
    const img = g.getImageData(0, 0, 4000, 3000);
    let s = 7;
    for (let i = 0; i < img.data.length; i += 4) {
      s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
      const n = (s & 63) - 32;
      img.data[i] += n; img.data[i + 1] += n; img.data[i + 2] += n;
    }
    g.putImageData(img, 0, 0);
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  });
  const jpeg = Buffer.from(b64, 'base64');
  console.log(`input: 4000×3000 JPEG, ${(jpeg.length / 1024 / 1024).toFixed(2)} MB`);
  // Given as a file path: Chromium then attaches the file itself
  // (DOM.setFileInputFiles). A Buffer would be decoded from base64 by
  // Playwright's script inside the page — a 2 s main-thread task of the
  // harness, not of the app.
  const path = `${ARTIFACTS}photo-12mp.jpg`;
  writeFileSync(path, jpeg);
  const cdp = await context.newCDPSession(page);

  for (const rate of [1, 4]) {
    const totals = [], longest = [], worker = [], naive = [], naiveLong = [];
    for (let run = 0; run < RUNS; run++) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      // A fresh device: no database, no draft journal.
      await page.evaluate(() => new Promise((ok) => { localStorage.clear(); const r = indexedDB.deleteDatabase('canvass'); r.onsuccess = r.onerror = r.onblocked = () => ok(); }));
      await page.goto(url);
      await page.reload();
      await page.getByTestId(`open-${ID}`).click();
      await page.getByTestId('fill-page').waitFor();
      await page.getByTestId('question-work_quality').locator('input[value="satisfied"]').check();
      await page.getByTestId('question-site_clean').locator('input[value="clean"]').check();
      await page.getByTestId('btn-next').click();
      const q = page.getByTestId('question-finished_photos');
      await page.evaluate(() => {
        window.__long = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
          .observe({ type: 'longtask' });
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const t0 = Date.now();
      await q.getByTestId('file-input').setInputFiles(path);
      await q.locator('[data-testid="file-status"][data-state="done"]').waitFor({ timeout: 120_000 });
      totals.push(Date.now() - t0);
      worker.push(Number(await q.getByTestId('file-status').getAttribute('data-ms')));
      longest.push(await page.evaluate(() => Math.max(0, ...window.__long)));
      // Naive main-thread resize of the same bytes, for contrast.
      const n = await page.evaluate(async (b64) => {
        const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
        window.__long = [];
        const t = performance.now();
        const img = new Image();
        img.src = URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' }));
        await new Promise((ok) => { img.onload = ok; });
        const c = document.createElement('canvas');
        c.width = 1600; c.height = 1200;
        c.getContext('2d').drawImage(img, 0, 0, 1600, 1200);
        await new Promise((ok) => c.toBlob(ok, 'image/jpeg', 0.8));
        const total = performance.now() - t;
        await new Promise((ok) => setTimeout(ok, 100));
        return { total, longest: Math.max(0, ...window.__long) };
      }, b64);
      naive.push(n.total);
      naiveLong.push(n.longest);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const f = (xs) => `${Math.round(median(xs))} ms (runs ${xs.map(Math.round).join(', ')})`;
    console.log(`CPU ${rate}×: choose → saved ${f(totals)}; in the worker ${f(worker)}; longest main-thread task ${f(longest)}`);
    console.log(`CPU ${rate}×: naive main-thread resize ${f(naive)}; its longest task ${f(naiveLong)}`);
  }
} finally {
  await stop();
}
