// End to end, survey logic: in sample 1, answering 不满意 to the overall
// question reveals a required "what went wrong" question; answering 满意
// hides it again and the survey completes without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, openSurvey, questionsOf, sample, start } from './helpers.mjs';

const ID = 'property-repair-callback';

test('sample 1: a dissatisfied overall answer asks what went wrong, a satisfied one does not', async (t) => {
  const survey = sample(ID);
  const { url, page, errors, stop } = await start();
  t.after(stop);

  await openSurvey(page, url, ID);
  for (let p = 0; p < survey.pages.length - 1; p++) {
    for (const q of questionsOf(survey.pages[p].elements)) await answer(page, q, 0);
    await page.getByTestId('btn-next').click();
  }

  const problem = page.getByTestId('question-overall_problem');
  const overall = page.getByTestId('question-overall');
  assert.equal(await problem.count(), 0, 'hidden until the overall answer asks for it');

  await overall.locator('input[value="dissatisfied"]').check();
  await problem.waitFor();
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('error-overall_problem').waitFor();
  assert.equal(await page.getByTestId('end-page').count(), 0, 'a required visible question blocks completion');

  await overall.locator('input[value="satisfied"]').check();
  await problem.waitFor({ state: 'detached' });
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();
  assert.deepEqual(errors, []);
});
