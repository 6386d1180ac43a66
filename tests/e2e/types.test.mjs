// End to end, the SurveyJS types added for coverage (issue 7), driven from
// tests/fixtures/surveys/types.json loaded through the home page's file
// input: html is sanitised (no script runs, no handler or javascript: URL
// survives) and piped answers stay text; tagbox, imagepicker, other text,
// multipletext, matrixdropdown, matrixdynamic, paneldynamic and the
// signature pad are answered, survive a reload, complete, and the export
// holds each answer in its documented shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, start } from './helpers.mjs';

const ID = 'types-fixture';
const FIXTURE = new URL('../fixtures/surveys/types.json', import.meta.url).pathname;
const PAYLOAD = '<img src=x onerror="window.__xss=9">';

test('every added type renders, answers, persists, completes and exports', async (t) => {
  const { url, page, errors, stop } = await start();
  t.after(stop);

  await page.goto(url);
  await page.getByTestId('load-file').setInputFiles(FIXTURE);
  await page.getByTestId(`open-${ID}`).click();
  await page.getByTestId('fill-page').waitFor();

  // html: allowed markup kept, everything else gone.
  const html = page.getByTestId('html-content');
  assert.equal(await html.locator('h4').textContent(), '欢迎');
  assert.equal(await html.locator('script').count(), 0);
  assert.equal(await html.locator('[onerror]').count(), 0);
  assert.equal(await html.locator('a[href^="javascript"]').count(), 0);
  assert.equal(await html.locator('a[href="https://example.com/"]').count(), 1);

  // Piping an answer into a title and into html keeps it text.
  const who = page.getByTestId('question-who');
  await who.locator('input').fill(PAYLOAD);
  await who.locator('label').filter({ hasText: PAYLOAD }).waitFor();
  await html.locator('b').filter({ hasText: PAYLOAD }).waitFor();
  assert.equal(await page.locator('img[onerror]').count(), 0);

  // tagbox: search, pick, the tag shows.
  const tags = page.getByTestId('question-services');
  await tags.getByTestId('tagbox-search').fill('保');
  assert.equal(await tags.locator('input[type=checkbox]').count(), 2, '保洁 and 安保 match');
  await tags.locator('input[value="security"]').check();
  await tags.getByTestId('tagbox-search').fill('');
  await tags.locator('input[value="repair"]').check();
  assert.deepEqual(await tags.getByTestId('tag').allTextContents(), ['维修 ×', '安保 ×']);

  await page.getByTestId('question-style').locator('input[value="b"]').check();
  const channel = page.getByTestId('question-channel');
  await channel.locator('input[value="other"]').check();
  await channel.getByTestId('comment-input').fill('朋友介绍');
  await page.getByTestId('btn-next').click();

  // Composite types: each part is a question bound to a slice of the answer.
  const contact = page.getByTestId('question-contact');
  await contact.getByTestId('question-phone').locator('input').fill('13800000000');
  await contact.getByTestId('question-room').locator('input').fill('8-101');
  await page.getByTestId('question-room_echo').locator('output').filter({ hasText: '8-101' }).waitFor();

  const rooms = page.getByTestId('question-rooms');
  await rooms.locator('[data-row="kitchen"] input[value="2"]').check();
  await rooms.locator('[data-row="bath"]').getByTestId('question-note').locator('input').fill('漏水');

  const items = page.getByTestId('question-items');
  assert.equal(await items.locator('[data-testid^="dynamic-row-"]').count(), 1);
  await items.getByTestId('dynamic-row-0').getByTestId('question-what').locator('input').fill('水龙头');
  await items.getByTestId('add-row').click();
  await items.getByTestId('dynamic-row-1').getByTestId('question-what').locator('input').fill('门锁');
  await items.getByTestId('dynamic-row-1').getByTestId('question-cost').locator('input').fill('80');
  await items.getByTestId('dynamic-row-0').getByTestId('remove-row').click();
  assert.equal(await items.locator('[data-testid^="dynamic-row-"]').count(), 1);
  assert.equal(await items.getByTestId('dynamic-row-0').getByTestId('question-what').locator('input').inputValue(), '门锁');

  // paneldynamic: {panel.age} in a template visibleIf reads each panel.
  const people = page.getByTestId('question-people');
  await people.getByTestId('dynamic-row-0').getByTestId('question-age').locator('input').fill('30');
  await people.getByTestId('add-row').click();
  await people.getByTestId('dynamic-row-1').getByTestId('question-age').locator('input').fill('12');
  await page.getByTestId('question-total_age').locator('output').filter({ hasText: '42' }).waitFor();
  await people.getByTestId('dynamic-row-1').getByTestId('question-school').locator('input').fill('实验小学');
  assert.equal(await people.getByTestId('dynamic-row-0').getByTestId('question-school').count(), 0, 'an adult has no school question');

  // Signature: a stroke drawn with the mouse (pointer events).
  const canvas = page.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + 20 + (i % 2) * 30);
  await page.mouse.up();

  // Reload: everything is back.
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByTestId('fill-page').waitFor();
  await page.getByTestId('question-total_age').locator('output').filter({ hasText: '42' }).waitFor();
  assert.equal(await page.getByTestId('question-contact').getByTestId('question-room').locator('input').inputValue(), '8-101');
  assert.equal(await page.getByTestId('question-contact').getByTestId('question-phone').locator('input').inputValue(), '13800000000');
  assert.equal(await page.getByTestId('question-rooms').locator('[data-row="kitchen"] input[value="2"]').isChecked(), true, 'matrixdropdown persists');
  assert.equal(await page.getByTestId('question-people').getByTestId('dynamic-row-1').getByTestId('question-school').locator('input').inputValue(), '实验小学');
  assert.equal(await page.getByTestId('question-items').locator('[data-testid^="dynamic-row-"]').count(), 1);
  assert.equal(await page.getByTestId('question-people').locator('[data-testid^="dynamic-row-"]').count(), 2);
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid="signature-canvas"]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
    return false;
  });
  await page.getByTestId('btn-back').click();
  assert.deepEqual(await page.getByTestId('question-services').getByTestId('tag').allTextContents(), ['维修 ×', '安保 ×']);
  assert.equal(await page.getByTestId('question-channel').getByTestId('comment-input').inputValue(), '朋友介绍');
  assert.equal(await page.getByTestId('question-style').locator('input[value="b"]').isChecked(), true, 'imagepicker persists');
  assert.equal(await page.getByTestId('question-who').locator('input').inputValue(), PAYLOAD, 'text persists');
  await page.getByTestId('btn-next').click();
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();

  await page.getByTestId('btn-home').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${ID}`).click()]);
  const file = `${ARTIFACTS}${download.suggestedFilename()}`;
  await download.saveAs(file);
  const a = JSON.parse(await readFile(file, 'utf8')).responses[0].answers;
  assert.equal(a.who, PAYLOAD);
  assert.deepEqual(a.services, ['repair', 'security']);
  assert.equal(a.style, 'b');
  assert.equal(a.channel, 'other');
  assert.equal(a['channel-Comment'], '朋友介绍');
  assert.deepEqual(a.contact, { phone: '13800000000', room: '8-101' });
  assert.deepEqual(a.rooms, { kitchen: { state: 2 }, bath: { note: '漏水' } });
  assert.deepEqual(a.items, [{ what: '门锁', cost: 80 }]);
  assert.deepEqual(a.people, [{ age: 30 }, { age: 12, school: '实验小学' }]);
  assert.match(a.sign, /^data:image\/png;base64,/);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');

  // Import: the office reads the export back (with the survey's definition,
  // which it does not bundle), and its merged export holds every answer of
  // every type unchanged.
  await page.goto(`${url}office/`);
  await page.getByTestId('import-files').setInputFiles(file);
  await page.getByTestId('definition-missing').waitFor();
  await page.getByTestId('definition-file').setInputFiles(FIXTURE);
  await page.getByTestId('dashboard').waitFor();
  assert.equal((await page.getByTestId('count-responses').textContent()).trim(), '1');
  const [merged] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-merged').click()]);
  const back = JSON.parse(await readFile(await merged.path(), 'utf8')).responses;
  assert.equal(back.length, 1);
  assert.deepEqual(back[0].answers, a, 'every answer reads back unchanged');
  assert.deepEqual(errors, []);
});
