// The follow-up queue (闭环) in a real Chromium: a bottom-box answer opens a
// case with its reason; the customer's phone shows only when they
// consented; resolving needs a note; the list filters on "needs
// follow-up"; the export carries the cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, start } from './helpers.mjs';
import { completeFieldSurvey, exportSurvey, loadFieldSurvey, setUpStaff } from './field.mjs';

test('a bottom-box answer becomes a follow-up with consented contact only, closed with a note', async (t) => {
  const { url, page, errors, stop } = await start();
  t.after(stop);
  await loadFieldSurvey(page, url);
  await setUpStaff(page, url, { pin: null });

  await page.goto(url);
  await page.getByTestId('open-field-e2e').click();
  await completeFieldSurvey(page, { service: '1', phone: '13911112222', consent: true });
  await page.getByTestId('btn-new').click();
  await completeFieldSurvey(page, { service: '2', phone: '13933334444', consent: false });
  await page.getByTestId('btn-new').click();
  await completeFieldSurvey(page, { service: '5', phone: '13955556666', consent: true });

  await page.goto(`${url}staff/#/followups`);
  await page.getByTestId('followups-page').waitFor();
  await page.getByTestId('case').first().waitFor();
  assert.equal(await page.getByTestId('case').count(), 2, 'two bottom-box answers, two cases; the satisfied one none');
  const consented = page.getByTestId('case').filter({ hasText: '13911112222' });
  assert.equal(await consented.count(), 1, 'the consenting customer’s phone is shown');
  const text = await page.getByTestId('followups-page').innerText();
  assert.ok(!text.includes('13933334444'), 'the other customer did not consent: no phone');
  assert.ok(!text.includes('13955556666'), 'an unflagged response has no case');
  assert.equal(await page.getByTestId('case-no-contact').count(), 1);
  assert.match(await consented.getByTestId('case-reason').first().innerText(), /服务满意度/);
  await page.screenshot({ path: `${ARTIFACTS}followups-360x740.png`, fullPage: true });

  // Resolving without a note is refused; contacted, then resolved with one.
  await consented.getByTestId('case-to-resolved').click();
  await consented.getByTestId('case-message').filter({ hasText: /note/ }).waitFor();
  assert.match(await consented.getByTestId('case-status').innerText(), /待处理/);
  await consented.getByTestId('case-to-contacted').click();
  await consented.getByTestId('case-status').filter({ hasText: '已联系' }).waitFor();
  await consented.getByTestId('case-note').fill('已上门更换水泵');
  await consented.getByTestId('case-to-resolved').click();
  await consented.getByTestId('case-status').filter({ hasText: '已解决' }).waitFor();
  await consented.getByTestId('case-message').filter({ hasText: /已保存|Saved/ }).waitFor();

  // Stored: after a reload the resolved case is hidden unless asked for.
  await page.reload();
  await page.getByTestId('case').first().waitFor();
  assert.equal(await page.getByTestId('case').count(), 1);
  await page.getByTestId('show-resolved').check();
  assert.equal(await page.getByTestId('case').count(), 2);

  // The list's "needs follow-up" filter keeps the unresolved one.
  await page.goto(`${url}staff/#/responses`);
  await page.getByTestId('response-row').first().waitFor();
  assert.equal((await page.getByTestId('list-count').innerText()).trim(), '3');
  await page.getByTestId('filter-status').selectOption('followUp');
  await page.getByTestId('list-count').filter({ hasText: /^1$/ }).waitFor();
  await page.getByTestId('filter-status').selectOption('');
  await page.getByTestId('filter-text').fill('no such words');
  await page.getByTestId('list-count').filter({ hasText: /^0$/ }).waitFor();

  const exported = await exportSurvey(page, url, 'field-e2e');
  const cases = Object.values(exported.followUps ?? {});
  assert.equal(cases.length, 2, 'both cases exported');
  const resolved = cases.find((c) => c.status === 'resolved');
  assert.deepEqual(resolved.contact, { phone: '13911112222' });
  assert.equal(resolved.notes.at(-1).text, '已上门更换水泵');
  assert.deepEqual(resolved.history.map((h) => h.to), ['contacted', 'resolved']);
  const open = cases.find((c) => c.status === 'open');
  assert.equal(open.contact, undefined, 'no contact without consent');
  assert.deepEqual(open.reasons, [{ kind: 'bottomBox', item: 'service' }]);
  assert.deepEqual(errors, [], 'no errors in the browser console');
});
