// Office scale benchmark: 50 export files, 100,000 responses merged and
// scored in the browser (real Chromium, release build in dist/).
//
//   node tests/perf/office-bench.mjs [files=50] [perFile=2000] [rescore]
//
// With `rescore` the page is opened as /office/?rescore and scores every
// response from its answers instead of using the verified stored scores.
//
// The files are made from the office fixtures' five real responses (their
// answers and the scores core stored with them), each copy with a fresh
// response id, a completion date spread over 2026 and an interviewer —
// about the size of real device exports. 1% of each file repeats records
// of the previous file (duplicates, as when a device is exported twice).
// Printed: the time the page itself measures from the file input's change
// to the finished report (reading the files, parsing, merging, scoring
// every response from its answers, aggregating), and the wall time until
// the dashboard is on screen, median of 3 runs.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { serve } from '../e2e/server.mjs';

const FILES = Number(process.argv[2] ?? 50);
const PER_FILE = Number(process.argv[3] ?? 2000);
const RESCORE = process.argv[4] === 'rescore';
const DIR = '/tmp/canvass-office-bench/';
mkdirSync(DIR, { recursive: true });

const fixture = (f) => JSON.parse(readFileSync(new URL(`../fixtures/office/${f}`, import.meta.url), 'utf8'));
const pool = ['device-1.json', 'device-2.json', 'device-3.json'].flatMap((f) => fixture(f).responses);
const template = fixture('device-1.json');
const interviewers = ['王芳', '李强', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊'];

let previous = [];
let bytes = 0;
const paths = [];
for (let f = 0; f < FILES; f++) {
  const responses = [];
  for (let i = 0; i < PER_FILE; i++) {
    if (i < PER_FILE / 100 && previous.length) { responses.push(previous[i]); continue; }
    const base = pool[(f * PER_FILE + i) % pool.length];
    const month = 1 + ((f + i) % 12);
    const day = 1 + (i % 28);
    const at = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:30:00+08:00`;
    responses.push({ ...base, id: randomUUID(), startedAt: at.replace(':30:', ':21:'), completedAt: at,
      meta: { interviewer: interviewers[(f + i) % interviewers.length], locale: 'zh-cn' } });
  }
  previous = responses;
  const path = `${DIR}device-${String(f + 1).padStart(2, '0')}.json`;
  writeFileSync(path, JSON.stringify({ ...template, responses }));
  bytes += statSync(path).size;
  paths.push(path);
}
console.log(`${FILES} files, ${FILES * PER_FILE} records, ${(bytes / 1e6).toFixed(1)} MB`);

const server = await serve('dist', { port: 0 });
const url = `http://127.0.0.1:${server.address().port}/office/${RESCORE ? '?rescore' : ''}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const inPage = [], wall = [];
try {
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByTestId('import').waitFor();
    const t0 = Date.now();
    await page.getByTestId('import-files').setInputFiles(paths);
    await page.getByTestId('dashboard').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.dataset.ms);
    wall.push(Date.now() - t0);
    inPage.push(Number(await page.getByTestId('import-status').getAttribute('data-ms')));
    const n = await page.getByTestId('overview-n').textContent();
    const dup = await page.getByTestId('count-duplicates').textContent();
    const phases = await page.getByTestId('import-status').getAttribute('data-phases');
    console.log(`run ${run + 1}: in page ${inPage.at(-1)} ms (${phases}), wall ${wall.at(-1)} ms, n = ${n}, duplicates = ${dup}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (v) => [...v].sort((a, b) => a - b)[1];
console.log(`${RESCORE ? 're-scoring every response' : 'verified stored scores'}; median: in page ${median(inPage)} ms, wall ${median(wall)} ms (budget 3000 ms)`);
