//! Default validation messages, in Chinese (for every `zh` locale) and
//! English (everything else). The wording follows SurveyJS's own
//! translations (survey-core `localization/english.ts` and
//! `simplified-chinese.ts`) where SurveyJS has a message, so that a survey
//! moved from SurveyJS reads the same.

use crate::expr::Value;

use super::validate::ErrorKind;

/// A number as SurveyJS prints it (`5`, `2.5`).
fn num(n: f64) -> String {
    Value::Number(n).to_js_string()
}

/// The default message for `kind`; `title` is the question's title in the
/// same language (SurveyJS names it in numeric-range messages).
pub(crate) fn default_message(kind: &ErrorKind, title: &str, locale: &str) -> String {
    let zh = locale.to_ascii_lowercase().starts_with("zh");
    use ErrorKind::*;
    match (kind, zh) {
        (PartRequired { item, part }, zh) => part_required(item, part.get(locale), locale, zh),
        (Required, false) => "Response required.".to_owned(),
        (Required, true) => "请填写此问题".to_owned(),
        (OtherText, false) => "Response required: enter another value.".to_owned(),
        (OtherText, true) => "请填写其他内容".to_owned(),
        (NotNumeric, false) => "The value should be numeric.".to_owned(),
        (NotNumeric, true) => "必须是数字".to_owned(),
        (
            NumericRange {
                min: Some(lo),
                max: Some(hi),
            },
            false,
        ) => {
            format!(
                "The '{title}' should be at least {} and at most {}",
                num(*lo),
                num(*hi)
            )
        }
        (
            NumericRange {
                min: Some(lo),
                max: Some(hi),
            },
            true,
        ) => {
            format!("“{title}”必须大于等于 {} 并小于等于 {}", num(*lo), num(*hi))
        }
        (NumericRange { min: Some(lo), .. }, false) => {
            format!("The '{title}' should be at least {}", num(*lo))
        }
        (NumericRange { min: Some(lo), .. }, true) => format!("“{title}”必须大于等于 {}", num(*lo)),
        (NumericRange { max: Some(hi), .. }, false) => {
            format!("The '{title}' should be at most {}", num(*hi))
        }
        (NumericRange { max: Some(hi), .. }, true) => format!("“{title}”必须小于等于 {}", num(*hi)),
        (NumericRange { .. }, false) => "The value should be numeric.".to_owned(),
        (NumericRange { .. }, true) => "必须是数字".to_owned(),
        (BelowMin { min }, false) => format!("The value should not be less than {}", num(*min)),
        (BelowMin { min }, true) => format!("值不得小于 {}", num(*min)),
        (AboveMax { max }, false) => format!("The value should not be greater than {}", num(*max)),
        (AboveMax { max }, true) => format!("值不得大于 {}", num(*max)),
        (
            Length {
                min: Some(lo),
                max: Some(hi),
            },
            false,
        ) => {
            format!("Please enter at least {lo} and no more than {hi} characters.")
        }
        (
            Length {
                min: Some(lo),
                max: Some(hi),
            },
            true,
        ) => format!("请输入至少 {lo} 个、最多 {hi} 个字符"),
        (Length { min: Some(lo), .. }, false) => {
            format!("Please enter at least {lo} character(s).")
        }
        (Length { min: Some(lo), .. }, true) => format!("请至少输入 {lo} 个字符"),
        (Length { max: Some(hi), .. }, false) => {
            format!("Please enter no more than {hi} character(s).")
        }
        (Length { max: Some(hi), .. }, true) => format!("请输入不超过 {hi} 个字符"),
        (Length { .. }, false) => "The answer has the wrong length.".to_owned(),
        (Length { .. }, true) => "答案长度不正确".to_owned(),
        (Pattern, false) => "The answer is not in the expected format.".to_owned(),
        (Pattern, true) => "答案格式不正确".to_owned(),
        (Email, false) => "Please enter a valid e-mail address.".to_owned(),
        (Email, true) => "请输入有效的 Email 地址".to_owned(),
        (Expression, false) => "The answer is not valid.".to_owned(),
        (Expression, true) => "答案无效".to_owned(),
        (TooFew { min }, false) => format!("Please select at least {min} option(s)."),
        (TooFew { min }, true) => format!("请至少选择 {min} 项"),
        (TooMany { max }, false) => format!("Please select no more than {max} option(s)."),
        (TooMany { max }, true) => format!("请最多选择 {max} 项"),
    }
}

/// "第 2 行「数量」：请填写此问题" / "Row 2, “Quantity”: Response required."
fn part_required(item: &super::PartItem, part: &str, locale: &str, zh: bool) -> String {
    use super::PartItem::*;
    let required = default_message(&ErrorKind::Required, "", locale);
    match (item, zh) {
        (Row(n), true) => format!("第 {n} 行「{part}」：{required}"),
        (Row(n), false) => format!("Row {n}, “{part}”: {required}"),
        (Panel(n), true) => format!("第 {n} 组「{part}」：{required}"),
        (Panel(n), false) => format!("Panel {n}, “{part}”: {required}"),
        (NamedRow(row), true) => format!("「{}」行「{part}」：{required}", row.get(locale)),
        (NamedRow(row), false) => format!("Row “{}”, “{part}”: {required}", row.get(locale)),
        (Item, true) => format!("「{part}」：{required}"),
        (Item, false) => format!("“{part}”: {required}"),
    }
}
