// The office page end to end in a real Chromium, at 360 px: import the
// fixture exports (tests/fixtures/office/: a duplicate, a conflict, another
// survey, a malformed file), check the counts and the hand-computed overall
// score and grade (core/tests/office_fixtures.rs holds the computation:
// overall 66.0, mean raw total 212 → 中, satisfaction 80%, 1 follow-up),
// download the CSV and the XLSX and read them back (CSV parsed here, XLSX
// with Python's openpyxl) against the dashboard, choose the other version
// of the conflict, regroup, drop a file, export the merged set and print
// the report to PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { start, ARTIFACTS } from './helpers.mjs';

const FIXTURES = new URL('../fixtures/office/', import.meta.url).pathname;
const FILES = ['device-1.json', 'device-2.json', 'device-3.json', 'power-utility.json', 'broken.json'];

/** RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const text = async (page, id) => (await page.getByTestId(id).textContent()).trim();

async function openOffice(t) {
  const s = await start();
  t.after(s.stop);
  await s.page.goto(s.url);
  await s.page.getByTestId('office-link').click();
  await s.page.getByTestId('import').waitFor();
  assert.match(s.page.url(), /\/office\/$/);
  return s;
}

async function importAll(page) {
  await page.getByTestId('import-files').setInputFiles(FILES.map((f) => FIXTURES + f));
  await page.getByTestId('dashboard').waitFor();
}

test('merges the fixtures, shows the counts and the hand-computed results, downloads CSV and XLSX that agree', async (t) => {
  const { page, errors } = await openOffice(t);
  await importAll(page);

  const counts = {};
  for (const k of ['files', 'responses', 'duplicates', 'conflicts', 'rejected', 'other']) counts[k] = await text(page, `count-${k}`);
  assert.deepEqual(counts, { files: '5', responses: '5', duplicates: '1', conflicts: '1', rejected: '1', other: '1' });
  const outcomes = await page.getByTestId('file-outcome').allTextContents();
  assert.match(outcomes[4], /broken\.json.*not a Canvass export.*line 6/, 'the rejected file names the place');
  assert.match(outcomes[3], /power-utility\.json.*power-utility-annual/);

  assert.equal(await text(page, 'overview-n'), '5');
  assert.equal(await text(page, 'overview-score'), '66.0');
  assert.equal(await text(page, 'overview-grade'), '中');
  assert.equal(await text(page, 'overview-total'), '212.0');
  assert.equal(await text(page, 'overview-satisfaction'), '80%');
  assert.equal(await text(page, 'overview-follow-ups'), '1');
  assert.equal(await text(page, 'report-range'), '完成日期: 2026-07-15 – 2026-11-20');
  // Charts are drawn, each with its data table.
  for (const id of ['chart-indicators', 'chart-bottom-box', 'chart-ipa']) assert.equal(await page.getByTestId(id).count(), 1, id);
  const ipa = await page.getByTestId('table-ipa').textContent();
  assert.match(ipa, /★ 优先改进/, 'an indicator is marked improve first');

  // CSV: UTF-8 with BOM, one row per merged response, agreeing with the dashboard.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.equal(csvDownload.suggestedFilename(), 'property-repair-callback-v1.csv');
  const csvPath = ARTIFACTS + 'office.csv';
  await csvDownload.saveAs(csvPath);
  const bytes = readFileSync(csvPath);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
  const rows = parseCsv(bytes.subarray(3).toString('utf8'));
  const [header, ...data] = rows;
  assert.equal(data.length, 5);
  const col = (name) => { const i = header.indexOf(name); assert.ok(i >= 0, `column ${name}`); return i; };
  const mean = (name) => data.reduce((s, r) => s + Number(r[col(name)]), 0) / data.length;
  assert.equal(mean('overall').toFixed(1), await text(page, 'overview-score'));
  assert.equal(mean('rawTotal').toFixed(1), await text(page, 'overview-total'));
  const byId = Object.fromEntries(data.map((r) => [r[col('id')].slice(-1), r]));
  assert.equal(byId['3'][col('rawTotal')], '210', 'the newer version of the conflict is kept');
  assert.equal(byId['3'][col('item.cleanliness')], '', 'N/A is an empty cell, not 0');
  assert.equal(byId['1'][col('grade')], '优');
  assert.equal(byId['4'][col('followUp')], 'true');
  assert.equal(byId['1'][col('meta.interviewer')], '王芳');
  assert.equal(byId['5'][col('score.response_speed')], '100');
  assert.equal(byId['5'][col('item.repair_quality')], '30');

  // XLSX: opened with openpyxl; Responses and Summary sheets.
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  assert.equal(xlsxDownload.suggestedFilename(), 'property-repair-callback-v1.xlsx');
  const xlsxPath = ARTIFACTS + 'office.xlsx';
  await xlsxDownload.saveAs(xlsxPath);
  const py = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = [list(r) for r in wb["Responses"].iter_rows(values_only=True)]
summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0] is not None}
print(json.dumps({"sheets": wb.sheetnames, "header": rows[0], "rows": rows[1:], "summary": summary}, ensure_ascii=False, default=str))`;
  const book = JSON.parse(execFileSync('python3', ['-c', py, xlsxPath], { encoding: 'utf8' }));
  assert.deepEqual(book.sheets, ['Responses', 'Summary']);
  assert.deepEqual(book.header, header, 'the same columns as the CSV');
  assert.equal(book.rows.length, 5);
  const xi = book.header.indexOf('overall');
  const xlsxMean = book.rows.reduce((s, r) => s + r[xi], 0) / 5;
  assert.equal(typeof book.rows[0][xi], 'number', 'numbers are numbers in the sheet');
  assert.equal(xlsxMean.toFixed(1), await text(page, 'overview-score'));
  assert.equal(book.summary.n, 5);
  assert.equal(book.summary.overallMean.toFixed(1), '66.0');
  assert.equal(book.summary.rawTotalMean, 212);
  assert.equal(book.summary.grade, '中');
  assert.equal(book.summary.satisfactionRate, 0.8);

  // The merged set exports as one canvass-export file.
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-merged').click()]);
  const merged = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  assert.equal(merged.format, 'canvass-export');
  assert.equal(merged.responses.length, 5);
  assert.equal(merged.survey.id, 'property-repair-callback');

  assert.deepEqual(errors, []);
});

test('the other version of a conflict can be kept; grouping by segment and quarter; English', async (t) => {
  const { page, errors } = await openOffice(t);
  await importAll(page);
  assert.equal(await page.getByTestId('conflict-0-newer').isChecked(), true, 'the newest is kept by default');
  await page.getByTestId('conflict-0-older').check();
  // Hand computation: (100 + 215/3 + 42.5 + 0 + 85)/5 = 59.83; raw 990/5 = 198 → 中.
  await page.waitForFunction(() => document.querySelector('[data-testid="overview-score"]')?.textContent.trim() === '59.8');
  assert.equal(await text(page, 'overview-total'), '198.0');
  assert.equal(await text(page, 'overview-follow-ups'), '2');
  const follow = await page.getByTestId('table-follow-ups').locator('tbody tr').allTextContents();
  assert.equal(follow.length, 2);
  assert.ok(follow.every((r) => r.includes('0ffce000-0000-4000-8000-00000000000')), 'full response ids');
  assert.ok(follow[0].includes('王芳') && follow[1].includes('李强'), 'interviewer from the metadata');
  assert.equal(await page.getByTestId('conflict-0-older').isChecked(), true);

  await page.getByTestId('segment-select').selectOption('q:repair_type');
  await page.getByTestId('table-segments').waitFor();
  const seg = await page.getByTestId('table-segments').locator('tbody tr').allTextContents();
  assert.ok(seg.some((r) => r.startsWith('水电')), seg.join('\n'));
  await page.getByTestId('period-select').selectOption('quarter');
  await page.getByTestId('table-periods').waitFor();
  const periods = await page.getByTestId('table-periods').locator('tbody tr').allTextContents();
  assert.equal(periods.length, 2);
  assert.ok(periods[0].startsWith('2026-Q3') && periods[1].startsWith('2026-Q4'), periods.join('\n'));
  assert.match(await text(page, 'report-filters'), /本次报修的类型.*季度/);

  await page.getByTestId('lang-toggle').click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  assert.match(await text(page, 'report-range'), /^Completed: 2026-07-15/);

  // A4 report: print to PDF (the pages were looked at by eye, docs/OFFICE.md).
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('import').isVisible(), false, 'the import panel does not print');
  const pdf = await page.pdf({ path: ARTIFACTS + 'office-report.pdf', format: 'A4', printBackground: true });
  assert.ok(pdf.length > 10_000);
  assert.deepEqual(errors, []);
});

test('files dropped on the drop zone are imported', async (t) => {
  const { page, errors } = await openOffice(t);
  const content = readFileSync(FIXTURES + 'device-1.json', 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'device-1.json', { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="drop-zone"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, content);
  await page.getByTestId('dashboard').waitFor();
  assert.equal(await text(page, 'count-files'), '1');
  assert.equal(await text(page, 'count-responses'), '3');
  assert.deepEqual(errors, []);
});
