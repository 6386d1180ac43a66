// End to end, photos (issue 7): a generated 2400×1800 PNG set through the
// file input of the bundled repair-photo-check sample is resized in the
// worker to 1600×1200 JPEG, stored as a Blob in IndexedDB's media store
// (the draft holds only a media/… reference, never base64), shown again
// after a reload, completed, exported as a ZIP read back here with an
// independent reader (Python's zipfile) and imported into the office page.
// A second test: maxSize and the per-response mediaLimit refuse a photo
// with a clear message and lose nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ARTIFACTS, start } from './helpers.mjs';
import { jpegSize, makePng } from './image.mjs';

const ID = 'repair-photo-check';
const CAP = new URL('../fixtures/surveys/photo-cap.json', import.meta.url).pathname;

/** Every record of IndexedDB store `name`, with Blobs described. */
function readStore(page, name) {
  return page.evaluate((name) => new Promise((ok, fail) => {
    const open = indexedDB.open('canvass');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(name).objectStore(name).getAll();
      req.onerror = () => fail(req.error);
      req.onsuccess = async () => {
        const out = [];
        for (const r of req.result) {
          const row = { id: r.id, data: r.data, survey: r.survey };
          if (r.blob instanceof Blob) {
            const bitmap = await createImageBitmap(r.blob);
            row.blob = { type: r.blob.type, size: r.blob.size, width: bitmap.width, height: bitmap.height };
          }
          out.push(row);
        }
        open.result.close();
        ok(out);
      };
    };
  }), name);
}

test('a photo is resized, stored as a Blob, survives a reload, exports as a ZIP and imports into the office', async (t) => {
  const { url, page, errors, stop } = await start();
  t.after(stop);
  await page.goto(url);
  await page.getByTestId(`open-${ID}`).click();
  await page.getByTestId('fill-page').waitFor();
  await page.getByTestId('question-work_quality').locator('input[value="satisfied"]').check();
  await page.getByTestId('question-site_clean').locator('input[value="clean"]').check();
  await page.getByTestId('btn-next').click();

  const q = page.getByTestId('question-finished_photos');
  const input = q.getByTestId('file-input');
  assert.equal(await input.getAttribute('accept'), 'image/*');
  const png = makePng(2400, 1800);
  await input.setInputFiles({ name: 'repair.png', mimeType: 'image/png', buffer: png });
  await q.locator('[data-testid="file-status"][data-state="done"]').waitFor();
  await q.getByTestId('file-thumb').waitFor();
  await page.locator('[data-testid="save-indicator"][data-state="saved"]').waitFor();
  const thumbOk = await q.getByTestId('file-thumb').evaluate((img) => img.complete && img.naturalWidth === 1600);
  assert.ok(thumbOk, 'the thumbnail is drawn from the stored 1600 px photo');
  assert.match(await q.getByTestId('file-thumb').getAttribute('src'), /^blob:/);

  // The stored Blob is the resized JPEG; the draft holds a reference only.
  const media = await readStore(page, 'media');
  assert.equal(media.length, 1);
  assert.deepEqual(media[0].blob && { type: media[0].blob.type, w: media[0].blob.width, h: media[0].blob.height },
    { type: 'image/jpeg', w: 1600, h: 1200 });
  assert.ok(media[0].blob.size < png.length, 'smaller than the original');
  const drafts = await readStore(page, 'drafts');
  const draft = drafts.find((d) => d.id === ID);
  assert.ok(draft, 'the draft is stored');
  assert.doesNotMatch(draft.data, /base64|data:image/, 'no file content inside the stored response');
  const entry = JSON.parse(draft.data).response.answers.finished_photos[0];
  const responseId = JSON.parse(draft.data).response.id;
  assert.deepEqual(entry, { name: 'repair.png', type: 'image/jpeg', content: `media/${responseId}/finished_photos-1.jpg`, size: media[0].blob.size });
  assert.equal(media[0].id, entry.content);

  // A second photo, then removing it deletes its Blob.
  await input.setInputFiles({ name: 'second.png', mimeType: 'image/png', buffer: makePng(300, 200, 7) });
  await q.locator('[data-testid="file-item"]').nth(1).waitFor();
  await page.locator('[data-testid="save-indicator"][data-state="saved"]').waitFor();
  assert.equal((await readStore(page, 'media')).length, 2);
  await q.getByTestId('file-remove').nth(1).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="file-item"]').length === 1);
  await page.locator('[data-testid="save-indicator"][data-state="saved"]').waitFor();
  assert.deepEqual((await readStore(page, 'media')).map((m) => m.id), [entry.content]);

  // Reload: the photo is shown again, from IndexedDB.
  await page.reload();
  await page.getByTestId('fill-page').waitFor();
  await page.getByTestId('question-finished_photos').getByTestId('file-thumb').waitFor();
  assert.equal(await page.getByTestId('file-item').getAttribute('data-content'), entry.content);

  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();
  await page.getByTestId('btn-home').click();

  // Export with photos: a ZIP read back by an independent reader.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-zip-${ID}`).click()]);
  assert.match(download.suggestedFilename(), /\.zip$/);
  const file = `${ARTIFACTS}${download.suggestedFilename()}`;
  await download.saveAs(file);
  const listing = JSON.parse(execFileSync('python3', ['-c', `
import json, sys, zipfile, base64
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))`, file]).toString());
  assert.deepEqual(Object.keys(listing).sort(), ['export.json', entry.content].sort());
  const exported = JSON.parse(Buffer.from(listing['export.json'], 'base64').toString('utf8'));
  assert.equal(exported.format, 'canvass-export');
  assert.deepEqual(exported.responses[0].answers.finished_photos, [entry]);
  const jpeg = Buffer.from(listing[entry.content], 'base64');
  assert.equal(jpeg.length, entry.size);
  assert.deepEqual(jpegSize(jpeg), { width: 1600, height: 1200 });

  // The office reads the ZIP back: merged, with its photo listed.
  await page.goto(`${url}office/`);
  await page.getByTestId('import-files').setInputFiles(file);
  await page.getByTestId('count-responses').filter({ hasText: '1' }).waitFor();
  const listed = page.getByTestId('file-media');
  await listed.waitFor();
  assert.match(await listed.textContent(), new RegExp(entry.content.replace(/[.]/g, '\\.')));
  assert.equal(await listed.getAttribute('data-photos'), '1');
  assert.equal(await listed.getAttribute('data-missing'), '0');
  assert.deepEqual(errors, []);
});

test('maxSize and the per-response limit refuse a photo with a message, losing nothing', async (t) => {
  const { url, page, errors, stop } = await start();
  t.after(stop);
  await page.goto(url);
  await page.getByTestId('load-file').setInputFiles(CAP);
  await page.getByTestId('open-photo-cap-fixture').click();
  await page.getByTestId('fill-page').waitFor();
  await page.getByTestId('question-room').locator('input').fill('8-101');

  const small = page.getByTestId('question-small');
  await small.getByTestId('file-input').setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: makePng(400, 300, 3) });
  await small.getByTestId('file-error').waitFor();
  assert.match(await small.getByTestId('file-error').textContent(), /超过本题上限 1 KB/);
  assert.equal(await small.getByTestId('file-item').count(), 0);

  const photo = page.getByTestId('question-photo');
  await photo.getByTestId('file-input').setInputFiles({ name: 'b.png', mimeType: 'image/png', buffer: makePng(400, 300, 5) });
  await photo.getByTestId('file-error').waitFor();
  assert.match(await photo.getByTestId('file-error').textContent(), /超过上限 1 KB/);
  assert.equal(await photo.getByTestId('file-item').count(), 0);
  assert.equal((await readStore(page, 'media')).length, 0, 'nothing stored');
  assert.equal(await page.getByTestId('question-room').locator('input').inputValue(), '8-101', 'other answers kept');
  await page.locator('[data-testid="save-indicator"][data-state="saved"]').waitFor();
  assert.deepEqual(errors, []);
});
