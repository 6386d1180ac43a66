// The next-household flow in a real Chromium: a visit started from the
// visit form, completed, then "next household" (tap 1) opens the form
// prefilled with the same channel and segment, and one outcome button
// (tap 2) records the next household. The response rate on the device
// follows DOMAIN item 21 against the 70% target, and the export carries
// the visits and the paradata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, start } from './helpers.mjs';
import { completeFieldSurvey, exportSurvey, loadFieldSurvey, setUpStaff } from './field.mjs';

test('next household in two taps; response rate against the target; visits and paradata exported', async (t) => {
  const { url, page, context, errors, stop } = await start();
  t.after(stop);
  await loadFieldSurvey(page, url);

  // Without a profile the visit form sends the interviewer to the staff menu.
  await page.goto(`${url}staff/#/visit/field-e2e`);
  await page.getByTestId('link-staff').waitFor();
  await setUpStaff(page, url, { pin: null });

  await page.goto(`${url}staff/#/visits`);
  await page.getByTestId('visit-field-e2e').click();
  await page.getByTestId('visit-page').waitFor();
  await page.getByTestId('visit-household').fill('A-101');
  await page.getByTestId('visit-segment').fill('住宅');
  await page.getByTestId('channel-phone').check();
  await page.getByTestId('btn-start-survey').click();
  await completeFieldSurvey(page, { service: '5', phone: '1', consent: false });

  // Tap 1: next household — the form keeps the round.
  await page.getByTestId('btn-next-household').click();
  await page.getByTestId('visit-page').waitFor();
  assert.equal(await page.getByTestId('visit-household').inputValue(), '', 'a new household starts empty');
  assert.equal(await page.getByTestId('visit-segment').inputValue(), '住宅');
  assert.ok(await page.getByTestId('channel-phone').isChecked(), 'same channel');
  await page.screenshot({ path: `${ARTIFACTS}visit-form-360x740.png`, fullPage: true });
  await page.getByTestId('visit-household').fill('A-102');
  // Tap 2: nobody home — recorded, the form is ready for the next one.
  await page.getByTestId('outcome-nobodyHome').click();
  await page.getByTestId('visit-status').filter({ hasText: 'A-102' }).waitFor();
  assert.equal(await page.getByTestId('visit-household').inputValue(), '');
  await page.getByTestId('visit-household').fill('A-103');
  // GPS only when ticked, through the browser's permission.
  await context.grantPermissions(['geolocation'], { origin: new URL(url).origin });
  await context.setGeolocation({ latitude: 31.2304, longitude: 121.4737, accuracy: 15 });
  await page.getByTestId('visit-gps').check();
  await page.getByText(/精度|accuracy/).waitFor();
  await page.getByTestId('outcome-invalidAddress').click();
  await page.getByTestId('visit-status').filter({ hasText: 'A-103' }).waitFor();

  // 1 completed of 2 contacted households (the invalid address left out).
  await page.goto(`${url}staff/#/visits`);
  await page.getByTestId('rate-overall').waitFor();
  assert.equal((await page.getByTestId('rate-overall').textContent()).trim(), '50%');
  assert.equal((await page.getByTestId('rate-王芳 (007)').textContent()).trim(), '50%');
  const rateText = await page.locator('.cv-visits__rate').innerText();
  assert.match(rateText, /70%/, 'the default target is shown');
  assert.match(rateText, /未达标/, 'below target');
  assert.equal(await page.getByTestId('recent-visit').count(), 3);
  await page.screenshot({ path: `${ARTIFACTS}visits-360x740.png`, fullPage: true });

  // The export holds the completed response with its visit and paradata,
  // and both visit-only records.
  const exported = await exportSurvey(page, url, 'field-e2e');
  assert.equal(exported.responses.length, 3);
  const done = exported.responses.find((r) => r.completedAt);
  assert.deepEqual(
    { household: done.visit.household, outcome: done.visit.outcome, channel: done.visit.channel, segment: done.visit.segment, interviewer: done.visit.interviewer },
    { household: 'A-101', outcome: 'completed', channel: 'phone', segment: '住宅', interviewer: '王芳 (007)' },
  );
  const outcomes = exported.responses.filter((r) => !r.completedAt).map((r) => [r.visit.household, r.visit.outcome]).sort();
  assert.deepEqual(outcomes, [['A-102', 'nobodyHome'], ['A-103', 'invalidAddress']]);
  const located = exported.responses.find((r) => r.visit.household === 'A-103').visit.position;
  assert.deepEqual(located, { latitude: 31.2304, longitude: 121.4737, accuracyM: 15 });
  assert.equal(exported.responses.find((r) => r.visit.household === 'A-102').visit.position, undefined, 'no position unless ticked');
  const para = exported.paradata?.[done.id];
  assert.ok(para, 'paradata exported with the response');
  assert.ok(para.endedMs >= para.startedMs);
  assert.deepEqual(para.changes.map((c) => c.question).filter((q) => q === 'service'), ['service']);
  assert.equal(para.changes.find((c) => c.question === 'service').new, '5');
  assert.deepEqual(errors, [], 'no errors in the browser console');
});
