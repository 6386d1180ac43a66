// Shared set-up for the end-to-end tests: the release build in dist/ served
// on 127.0.0.1, Debian's Chromium driven by playwright-core, a phone-sized
// context, and answer helpers driven by the survey JSON itself.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve } from './server.mjs';

export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

/** Starts the static server on a free port (serving `root`, dist/ by
 * default) and a headless Chromium. */
export async function start({ root = 'dist' } = {}) {
  const server = await serve(root, { port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true,
    hasTouch: true, acceptDownloads: true, locale: 'zh-CN',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const stop = async () => {
    await browser.close().catch(() => {});
    await new Promise((ok) => server.close(ok));
  };
  return { server, url, browser, context, page, errors, stop };
}

/** Opens survey `id` from the home page and waits for its first page. */
export async function openSurvey(page, url, id) {
  await page.goto(url);
  await page.getByTestId(`open-${id}`).click();
  await page.getByTestId('fill-page').waitFor();
}

/** A bundled sample survey, read from the repository. */
export function sample(id) {
  return JSON.parse(readFileSync(new URL(`../../samples/${id}.json`, import.meta.url), 'utf8'));
}

/** The questions of a page of a survey definition, panels flattened. */
export function questionsOf(elements) {
  return elements.flatMap((e) => (e.type === 'panel' ? questionsOf(e.elements ?? []) : [e]));
}

const valueOf = (c) => (typeof c === 'object' && c !== null ? c.value : c);

/** Answers question `q` in the UI with its choice at `index` (0 = first);
 * a question hidden by logic is left alone and gives `undefined`. */
export async function answer(page, q, index) {
  const box = page.locator(`[data-testid="question-${q.name}"]`);
  if (!(await box.isVisible())) return undefined;
  switch (q.type) {
    case 'radiogroup': case 'checkbox': {
      const v = String(valueOf(q.choices[index]));
      await box.locator(`input[value="${v}"]`).check();
      return valueOf(q.choices[index]);
    }
    case 'rating': {
      const values = q.rateValues ? q.rateValues.map(valueOf) : range(q.rateMin ?? 1, q.rateMax ?? 5, q.rateStep ?? 1);
      const v = values[index];
      await box.locator(`input[value="${v}"]`).check();
      return v;
    }
    case 'dropdown': {
      const v = valueOf(q.choices[index]);
      await box.locator('select').selectOption(String(v));
      return v;
    }
    case 'boolean': {
      await box.locator(`input[value="${index === 0 ? 'true' : 'false'}"]`).check();
      return index === 0;
    }
    case 'comment':
      await box.locator('textarea').fill('ok');
      return 'ok';
    case 'text':
      await box.locator('input').fill(q.inputType === 'number' ? String(q.min ?? 1) : 'ok');
      return q.inputType === 'number' ? (q.min ?? 1) : 'ok';
    default:
      throw new Error(`no e2e answer helper for question type ${q.type}`);
  }
}

function range(min, max, step) {
  const out = [];
  for (let v = min; v <= max + 1e-9; v += step) out.push(Math.round(v * 1e9) / 1e9);
  return out;
}
