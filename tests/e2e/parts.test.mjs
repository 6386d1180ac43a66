// End to end, the logic of template parts (issue 7) and random choice order,
// in a real Chromium against the release build:
// - tests/fixtures/surveys/parts.json: a dynamic panel whose "school" part
//   is shown per panel by {panel.age} and required, whose "name" part is
//   required and whose "job" part is enabled by {panel.age}; a matrixdropdown
//   whose "total" expression column is computed per row from {row.qty} and
//   {row.price}, shown, stored and read by a survey expression. Required
//   parts block completion with a message naming the panel and the part; a
//   part hidden at completion is cleared from the exported answer (SurveyJS's
//   clearInvisibleValues default); the computed cell is exported and scored.
// - tests/fixtures/surveys/random.json: choicesOrder "random" gives an order
//   that is stable for one response across reloads and differs between
//   responses, with the other item last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, start } from './helpers.mjs';

const FIXTURES = new URL('../fixtures/surveys/', import.meta.url).pathname;

async function load(page, url, file, id) {
  await page.goto(url);
  await page.getByTestId('load-file').setInputFiles(FIXTURES + file);
  await page.getByTestId(`open-${id}`).click();
  await page.getByTestId('fill-page').waitFor();
}

test('template parts: per-panel visibility, enabling and requiredness, expression cells computed, stored, exported and scored', async (t) => {
  const { url, page, errors, stop } = await start();
  t.after(stop);
  await load(page, url, 'parts.json', 'parts-fixture');

  const members = page.getByTestId('question-members');
  const panel0 = members.getByTestId('dynamic-row-0');
  const error = page.getByTestId('error-members');

  // An empty required part blocks completion, named by panel and part.
  await page.getByTestId('btn-complete').click();
  await error.filter({ hasText: '第 1 组「姓名」：请填写此问题' }).waitFor();
  assert.equal(await page.getByTestId('end-page').count(), 0);

  // {panel.age} < 18 shows the required school part in that panel only.
  assert.equal(await panel0.getByTestId('question-school').count(), 0, 'no age yet: no school');
  await panel0.getByTestId('question-name').locator('input').fill('小明');
  await panel0.getByTestId('question-age').locator('input').fill('12');
  await panel0.getByTestId('question-school').waitFor();
  assert.equal(await panel0.getByTestId('question-job').locator('input').isDisabled(), true, 'a child has no job to enter');
  await members.getByTestId('add-row').click();
  const panel1 = members.getByTestId('dynamic-row-1');
  await panel1.getByTestId('question-name').locator('input').fill('王芳');
  await panel1.getByTestId('question-age').locator('input').fill('40');
  assert.equal(await panel1.getByTestId('question-school').count(), 0, 'an adult has no school part');
  assert.equal(await panel1.getByTestId('question-job').locator('input').isDisabled(), false);
  await page.getByTestId('btn-complete').click();
  await error.filter({ hasText: '第 1 组「学校」：请填写此问题' }).waitFor();
  await panel0.getByTestId('question-school').locator('input').fill('实验小学');
  await error.waitFor({ state: 'detached' });

  // The expression column is computed per row, and a survey expression reads it.
  const bill = page.getByTestId('question-bill');
  const water = bill.locator('[data-row="water"]');
  await water.getByTestId('question-qty').locator('input').fill('3');
  await water.getByTestId('question-price').locator('input').fill('50');
  await water.getByTestId('question-total').locator('output').filter({ hasText: '150' }).waitFor();
  await page.getByTestId('question-water_total').locator('output').filter({ hasText: '150' }).waitFor();
  // {row.total} > 100 shows the note in that row only.
  await water.getByTestId('question-note').waitFor();
  const power = bill.locator('[data-row="power"]');
  await power.getByTestId('question-qty').locator('input').fill('1');
  await power.getByTestId('question-price').locator('input').fill('20');
  await power.getByTestId('question-total').locator('output').filter({ hasText: '20' }).waitFor();
  assert.equal(await power.getByTestId('question-note').count(), 0);

  // Reload: every part and computed value is back.
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByTestId('fill-page').waitFor();
  await page.getByTestId('question-water_total').locator('output').filter({ hasText: '150' }).waitFor();
  assert.equal(await panel0.getByTestId('question-school').locator('input').inputValue(), '实验小学');
  assert.equal(await water.getByTestId('question-total').locator('output').textContent(), '150');

  // The child turns out to be an adult: school hides (kept while filling) …
  await panel0.getByTestId('question-age').locator('input').fill('19');
  await panel0.getByTestId('question-school').waitFor({ state: 'detached' });
  await panel0.getByTestId('question-age').locator('input').fill('12');
  assert.equal(await panel0.getByTestId('question-school').locator('input').inputValue(), '实验小学', 'kept while filling');
  await panel0.getByTestId('question-age').locator('input').fill('19');
  await panel0.getByTestId('question-school').waitFor({ state: 'detached' });
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();

  // … and is cleared on completion; the computed cells are exported.
  await page.getByTestId('btn-home').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-parts-fixture').click()]);
  const file = `${ARTIFACTS}${download.suggestedFilename()}`;
  await download.saveAs(file);
  const response = JSON.parse(await readFile(file, 'utf8')).responses[0];
  assert.deepEqual(response.answers.members, [{ name: '小明', age: 19 }, { name: '王芳', age: 40 }]);
  assert.deepEqual(response.answers.bill, { water: { qty: 3, price: 50, total: 150 }, power: { qty: 1, price: 20, total: 20 } });
  assert.equal(response.answers.water_total, 150);
  // The scored expression column: one item per row, read from the stored cell.
  const items = Object.fromEntries(response.score.items.map((i) => [i.id, i]));
  assert.equal(items['bill.water.total'].x, 150);
  assert.equal(items['bill.power.total'].x, 20);
  assert.deepEqual(errors, []);
});

test('choicesOrder random: stable for one response across reloads, different for the next response, other item last', async (t) => {
  const { url, page, errors, stop } = await start();
  t.after(stop);
  await load(page, url, 'random.json', 'random-fixture');
  const order = () => page.getByTestId('question-pick').locator('input[type=radio]').evaluateAll((xs) => xs.map((x) => x.value));

  const first = await order();
  assert.equal(first.length, 11);
  assert.equal(first[10], 'other', 'the other item stays last');
  assert.notDeepEqual(first.slice(0, 10), Array.from({ length: 10 }, (_, i) => `c${i + 1}`), 'shuffled');
  await page.getByTestId('question-pick').locator(`input[value="${first[3]}"]`).check();
  await page.waitForTimeout(300);
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await page.getByTestId('fill-page').waitFor();
    assert.deepEqual(await order(), first, 'the same response keeps its order');
  }
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();

  // The next respondent gets a new response, and a new order.
  await page.getByTestId('btn-home').click();
  await page.getByTestId('open-random-fixture').click();
  await page.getByTestId('fill-page').waitFor();
  const second = await order();
  assert.equal(second[10], 'other');
  assert.deepEqual([...second].sort(), [...first].sort(), 'the same choices');
  assert.notDeepEqual(second, first, 'another response, another order');
  assert.deepEqual(errors, []);
});
