// Shared steps of the field-work end-to-end tests (respondent, visits,
// followup): a one-page survey with a scored question, a phone number and a
// consent question, loaded from a file like a user would; the staff set-up;
// filling that survey.
import { readFile } from 'node:fs/promises';
import { ARTIFACTS } from './helpers.mjs';

export const FIELD_SURVEY = {
  id: 'field-e2e',
  title: { default: 'Field e2e', 'zh-cn': '走访测试' },
  pages: [{
    elements: [
      {
        type: 'radiogroup', name: 'service', scored: true, title: { default: 'Service', 'zh-cn': '服务满意度' },
        choices: [5, 4, 3, 2, 1].map((n) => ({ value: String(n), text: ['很不满意', '不满意', '一般', '满意', '很满意'][n - 1], score: n })),
      },
      { type: 'text', name: 'phone', title: { default: 'Phone', 'zh-cn': '联系电话' } },
      { type: 'boolean', name: 'mayContact', title: { default: 'May we call you back?', 'zh-cn': '是否同意回访联系' } },
    ],
  }],
  scoring: { contact: { questions: ['phone'], consent: 'mayContact' } },
};

export const PIN = '2580';

/** Loads FIELD_SURVEY through the home page's file input. */
export async function loadFieldSurvey(page, url) {
  await page.goto(url);
  await page.getByTestId('load-file').setInputFiles({
    name: 'field.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(FIELD_SURVEY)),
  });
  await page.getByTestId('open-field-e2e').waitFor();
}

/** Sets the interviewer profile and the PIN from the staff menu. */
export async function setUpStaff(page, url, { name = '王芳', id = '007', pin = PIN } = {}) {
  await page.goto(`${url}staff/#/staff`);
  await page.getByTestId('staff-page').waitFor();
  await page.getByTestId('profile-name').fill(name);
  await page.getByTestId('profile-id').fill(id);
  await page.getByTestId('profile-team').fill('二组');
  await page.getByTestId('btn-save-profile').click();
  await page.getByTestId('profile-status').filter({ hasText: /已保存|Saved/ }).waitFor();
  if (pin) {
    await page.getByTestId('pin-new').fill(pin);
    await page.getByTestId('pin-again').fill(pin);
    await page.getByTestId('btn-set-pin').click();
    await page.getByTestId('pin-status').filter({ hasText: /已设置|is set/ }).waitFor();
  }
}

/** Answers FIELD_SURVEY on the fill page and completes it. */
export async function completeFieldSurvey(page, { service, phone, consent }) {
  await page.getByTestId('fill-page').waitFor();
  await page.locator(`[data-testid="question-service"] input[value="${service}"]`).check();
  if (phone) await page.locator('[data-testid="question-phone"] input').fill(phone);
  if (consent !== undefined) await page.locator(`[data-testid="question-mayContact"] input[value="${consent}"]`).check();
  await page.getByTestId('btn-complete').click();
  await page.getByTestId('end-page').waitFor();
}

/** Exports `id` from the home page and reads the downloaded file back. */
export async function exportSurvey(page, url, id) {
  await page.goto(url);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export-${id}`).click(),
  ]);
  const file = `${ARTIFACTS}${download.suggestedFilename()}`;
  await download.saveAs(file);
  return JSON.parse(await readFile(file, 'utf8'));
}
