//! The survey definition as plain data: what `load` produces from SurveyJS
//! JSON and what scoring, logic and the UI read. Nothing here touches the
//! browser; every field is documented with the JSON property it comes from
//! (see docs/FORMAT.md for the full format).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A JSON value as SurveyJS stores it: choice values and answers keep the
/// exact JSON the survey or respondent gave, so that Canvass data stays
/// interchangeable with SurveyJS's `survey.data`.
pub type Value = serde_json::Value;

/// A string in several languages: SurveyJS's localisable string
/// (`"title": {"default": "Price", "zh-cn": "价格"}`) or a plain string,
/// which is stored under `default`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    /// A text with only a `default` translation.
    pub fn plain(text: impl Into<String>) -> Self {
        let mut map = BTreeMap::new();
        map.insert("default".to_owned(), text.into());
        LocalizedText(map)
    }

    /// The text for `locale` (`"zh-cn"`, `"en"`; case-insensitive), falling
    /// back to its language (`"zh"`), then `default`, then `en`, then any
    /// translation, then the empty string — a survey in one language still
    /// shows text in the other UI language.
    pub fn get(&self, locale: &str) -> &str {
        let locale = locale.to_ascii_lowercase();
        let language = locale.split(['-', '_']).next().unwrap_or("");
        let find = |key: &str| {
            self.0
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.as_str())
        };
        find(&locale)
            .or_else(|| find(language))
            .or_else(|| {
                self.0
                    .iter()
                    .find(|(k, _)| k.to_ascii_lowercase().split(['-', '_']).next() == Some(language))
                    .map(|(_, v)| v.as_str())
            })
            .or_else(|| find("default"))
            .or_else(|| find("en"))
            .or_else(|| self.0.values().next().map(String::as_str))
            .unwrap_or("")
    }

    /// True when no translation is present.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(|v| v.is_empty())
    }
}

/// A loaded survey definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    /// `id` (Canvass extension): stable identity across versions; defaults to
    /// a slug of the default title.
    pub id: String,
    /// `version` (Canvass extension), default `"1"`.
    pub version: String,
    /// SHA-256 (hex) of the canonical JSON of the whole definition (keys
    /// sorted, no whitespace): two files with the same hash define the same
    /// survey, whatever their formatting.
    pub hash: String,
    /// `title`.
    pub title: LocalizedText,
    /// `description`.
    pub description: Option<LocalizedText>,
    /// `pages`; a survey with top-level `elements` and no `pages` gets one page.
    pub pages: Vec<Page>,
    /// `scoring` (Canvass extension).
    pub scoring: ScoringSpec,
    /// `calculatedValues`: named expressions other expressions and texts
    /// can read as `{name}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calculated_values: Vec<CalculatedValue>,
    /// `completedHtml`: the text shown after submitting. Shown as plain
    /// text (markup stripped), never as HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_html: Option<LocalizedText>,
    /// `completedHtmlOnCondition`: the first entry whose expression holds
    /// replaces `completedHtml`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub completed_html_on_condition: Vec<CompletedText>,
    /// `mediaLimit` (Canvass extension): the most bytes of photos and files
    /// one response may hold (default `DEFAULT_MEDIA_LIMIT`).
    #[serde(default = "default_media_limit")]
    pub media_limit: u64,
}

/// One of `calculatedValues`: `{name, expression, includeIntoResult}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalculatedValue {
    /// `name`: unique among calculated values and questions.
    pub name: String,
    /// `expression` source text.
    pub expression: String,
    /// `includeIntoResult`: stored with the answers when the response is
    /// completed, as SurveyJS puts it in `survey.data`.
    pub include_into_result: bool,
}

/// One of `completedHtmlOnCondition`: `{expression, html}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompletedText {
    /// `expression` source text.
    pub expression: String,
    /// `html`: shown as plain text, never as HTML.
    pub html: LocalizedText,
}

/// One screen of the survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// `name`, default `page{N}` (1-based).
    pub name: String,
    pub title: Option<LocalizedText>,
    pub description: Option<LocalizedText>,
    pub elements: Vec<Element>,
    /// `visibleIf` source text (evaluated by the logic module).
    pub visible_if: Option<String>,
    /// `enableIf`: when false, every question on the page is read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_if: Option<String>,
    /// `isRequired`: at least one visible question on the page must be answered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_required: bool,
    /// `requiredIf`: replaces `isRequired` by the condition's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<String>,
}

/// What a page or panel contains.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "element", rename_all = "camelCase")]
pub enum Element {
    Panel(Panel),
    Question(Question),
}

/// A group of elements with an optional title (`"type": "panel"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Panel {
    pub name: String,
    pub title: Option<LocalizedText>,
    pub description: Option<LocalizedText>,
    pub elements: Vec<Element>,
    pub visible_if: Option<String>,
    /// `enableIf`: when false, every question in the panel is read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_if: Option<String>,
    /// `isRequired`: at least one visible question in the panel must be answered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_required: bool,
    /// `requiredIf`: replaces `isRequired` by the condition's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<String>,
    /// Where the panel sits in the JSON, e.g. `pages[0].elements[2]`.
    pub path: String,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// `name`: the answer's key; unique in the survey.
    pub name: String,
    /// `title`, defaulting to the name.
    pub title: LocalizedText,
    pub description: Option<LocalizedText>,
    pub kind: QuestionKind,
    /// `isRequired`.
    pub is_required: bool,
    pub visible_if: Option<String>,
    pub enable_if: Option<String>,
    pub required_if: Option<String>,
    /// `scored` (Canvass extension): counts in the raw total and follow-up
    /// checks even when no indicator names it.
    pub scored: bool,
    /// `reverse` (Canvass extension): the scale runs from best to worst.
    pub reverse: bool,
    /// `weight` (Canvass extension): the weight this question carries in
    /// any indicator that names it without its own weight. Default 1.
    pub weight: Option<f64>,
    /// `boxSize` (Canvass extension): overrides the survey's top/bottom box k.
    pub box_size: Option<u32>,
    /// `validators`, checked in order when the page is validated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub validators: Vec<Validator>,
    /// Where the question sits in the JSON, e.g. `pages[1].elements[3]`.
    pub path: String,
    /// `hasOther` / `showOtherItem`: the choice list ends with a choice
    /// whose value is `"other"` (text `otherText`); choosing it asks for a
    /// text stored, as SurveyJS stores it, under `<name>-Comment`. The
    /// other choice is never scored.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_other: bool,
    /// `hasComment` / `showCommentArea`: a comment box titled
    /// `commentText`, stored under `<name>-Comment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<LocalizedText>,
    /// `choicesOrder: "random"`: choices are shown shuffled, in an order
    /// fixed per response (seeded by the response id and the question
    /// name, see [`shuffled_order`]). `asc`/`desc` are applied when the
    /// survey is loaded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub random_order: bool,
}

impl Question {
    /// The answer key of the text typed for the other choice or the
    /// comment box: `<name>-Comment`, as SurveyJS names it.
    pub fn comment_key(&self) -> String {
        format!("{}-Comment", self.name)
    }
}

/// A permutation of `0..n` that depends only on `seed` (FNV-1a of it
/// driving a xorshift Fisher–Yates): `choicesOrder: "random"` shows every
/// respondent a different order, and one respondent the same order after
/// every reload and on every device.
pub fn shuffled_order(seed: &str, n: usize) -> Vec<usize> {
    let mut state: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seed.bytes() {
        state ^= u64::from(b);
        state = state.wrapping_mul(0x0100_0000_01b3);
    }
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// One of a question's `validators`: its kind and its `text` (the message
/// shown instead of the default one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Validator {
    pub kind: ValidatorKind,
    /// `text`: the error message; default: SurveyJS's, in the UI language.
    pub text: Option<LocalizedText>,
}

/// What a validator checks (`type` in SurveyJS JSON). Every kind but
/// `expression` passes an empty answer: `isRequired` is for that.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ValidatorKind {
    /// `numeric`: the answer is a number within `minValue`..`maxValue`.
    Numeric { min: Option<f64>, max: Option<f64> },
    /// `text`: the answer's length in characters is within
    /// `minLength`..`maxLength` (0 or absent: no bound).
    Text { min_length: Option<u32>, max_length: Option<u32> },
    /// `regex`: the answer (each element of an array answer) matches
    /// `regex` somewhere, as JavaScript's `RegExp.test`; `caseInsensitive`.
    Regex { regex: String, case_insensitive: bool },
    /// `email`: the answer is an e-mail address.
    Email,
    /// `expression`: the condition holds (evaluated even on empty answers).
    Expression { expression: String },
    /// `answercount`: an array answer has `minCount`..`maxCount` elements.
    AnswerCount { min_count: Option<u32>, max_count: Option<u32> },
}

/// The question types Canvass renders (`type` in SurveyJS JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum QuestionKind {
    /// `radiogroup`: one choice, all shown.
    RadioGroup { choices: Vec<Choice> },
    /// `dropdown`: one choice from a list.
    Dropdown { choices: Vec<Choice> },
    /// `checkbox`: several choices; the answer is an array of values.
    Checkbox { choices: Vec<Choice> },
    /// `rating`: one scale point. `points` are expanded at load time from
    /// `rateValues` or `rateMin`/`rateMax`/`rateStep` (default 1..5 step 1).
    /// `minRateDescription`/`maxRateDescription` label the two ends.
    Rating {
        points: Vec<Choice>,
        min_label: Option<LocalizedText>,
        max_label: Option<LocalizedText>,
    },
    /// `boolean`: true/false; `scoreTrue`/`scoreFalse` (Canvass extension,
    /// both or neither) default to 1 and 0.
    Boolean {
        label_true: Option<LocalizedText>,
        label_false: Option<LocalizedText>,
        score_true: f64,
        score_false: f64,
    },
    /// `text` with `inputType`; `min`/`max` bound number answers (and make
    /// a number question scorable).
    Text {
        input_type: InputType,
        min: Option<f64>,
        max: Option<f64>,
        placeholder: Option<LocalizedText>,
    },
    /// `comment`: multi-line open answer.
    Comment { placeholder: Option<LocalizedText> },
    /// `matrix`: rows × single-choice columns; the answer is an object
    /// `{row value: column value}`.
    Matrix { rows: Vec<MatrixRow>, columns: Vec<Choice> },
    /// `ranking`: the answer is the array of choice values in ranked order.
    Ranking { choices: Vec<Choice> },
    /// `expression`: a read-only value computed from `expression`. Canvass
    /// extension `min`/`max` declare its range, which makes it scorable.
    Expression {
        expression: String,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// `html`: static content, sanitised at load time to an allow-list of
    /// tags (see `crate::html`). Never answered.
    Html { html: LocalizedText },
    /// `image`: a picture shown, never answered. `imageLink` is http(s) or
    /// a `data:image/…` URL.
    Image { link: String, alt: Option<LocalizedText> },
    /// `tagbox`: a searchable multi-select; the answer is an array of
    /// values, as for `checkbox`, and it scores like one.
    Tagbox { choices: Vec<Choice> },
    /// `imagepicker`: choices shown as pictures (`imageLink` per choice, in
    /// `images`, same order). The answer is one value, or an array with
    /// `multiSelect`.
    ImagePicker {
        choices: Vec<Choice>,
        images: Vec<String>,
        multi_select: bool,
    },
    /// `multipletext`: several labelled text inputs (`items`, each a
    /// `text` question); the answer is an object `{item name: text}`,
    /// readable in expressions as `{q.item}`.
    MultipleText { items: Vec<Question> },
    /// `matrixdropdown`: fixed `rows` × typed `columns` (each column a
    /// question of its `cellType`); the answer is `{row: {column: value}}`.
    MatrixDropdown { rows: Vec<MatrixRow>, columns: Vec<Question> },
    /// `matrixdynamic`: rows the respondent adds and removes, each of the
    /// typed `columns`; the answer is an array `[{column: value}, …]`.
    MatrixDynamic {
        columns: Vec<Question>,
        /// `rowCount`: rows shown at first (default 2).
        row_count: u32,
        min_rows: u32,
        /// `maxRowCount` (default 1000).
        max_rows: u32,
    },
    /// `paneldynamic`: the `templateElements` repeated once per panel the
    /// respondent adds; the answer is an array `[{question: value}, …]`,
    /// readable as `{q[0].field}` and by `sumInArray({q}, 'field')`.
    PanelDynamic {
        template: Vec<Question>,
        /// `panelCount`: panels shown at first (default 0).
        panel_count: u32,
        min_panels: u32,
        /// `maxPanelCount` (default 100).
        max_panels: u32,
    },
    /// `signaturepad`: drawn with finger or mouse; the answer is the
    /// drawing as a PNG `data:` URL, as SurveyJS stores it.
    SignaturePad { width: u32, height: u32 },
    /// `file`: photos (or other files) attached. The answer is SurveyJS's
    /// `[{name, type, content}]` where `content` names a media file stored
    /// beside the response (`media::FileEntry`), never base64.
    File {
        /// `sourceType`: `file`, `camera` or `file-camera`.
        source: String,
        /// `allowMultiple`.
        multiple: bool,
        /// `maxSize` in bytes of one stored (resized) file (0: none).
        max_size: u64,
        /// `acceptedTypes`: the file input's `accept` (default `image/*`).
        accepted_types: String,
        /// How photos are resized on the device (Canvass extension).
        image: ImageSettings,
    },
}

impl QuestionKind {
    /// True for kinds that show content and never hold an answer.
    pub fn is_display(&self) -> bool {
        matches!(self, QuestionKind::Html { .. } | QuestionKind::Image { .. })
    }
}

/// How a `file` question resizes photos before storing them (Canvass
/// extension `imageMaxSide`, `imageFormat`, `imageQuality`): phones take
/// 12-megapixel photos of 3–6 MB, and a response must stay small enough to
/// store and export many of on one device.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageSettings {
    /// The longest side in pixels after resizing (never enlarged).
    pub max_side: u32,
    pub format: ImageFormat,
    /// Encoder quality, 0.1 to 1.
    pub quality: f64,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            max_side: 1600,
            format: ImageFormat::Jpeg,
            quality: 0.8,
        }
    }
}

/// The encoding of a resized photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Jpeg,
    Webp,
}

impl ImageFormat {
    /// The MIME type the encoder is asked for.
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Webp => "image/webp",
        }
    }

    /// The file extension of a stored photo.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Webp => "webp",
        }
    }
}

/// The default per-response media cap (`mediaLimit`): 10 MiB, about 30
/// photos at 1600 px — a repair visit needs a handful, and a device holding
/// a few hundred responses stays within a phone's IndexedDB quota.
pub const DEFAULT_MEDIA_LIMIT: u64 = 10 * 1024 * 1024;

fn default_media_limit() -> u64 {
    DEFAULT_MEDIA_LIMIT
}

/// `inputType` of a `text` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputType {
    Text,
    Number,
    Date,
    Email,
    Tel,
}

/// One option of a choice, rating or matrix-column list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// `value`: what is stored in the answer (string or number).
    pub value: Value,
    /// `text`, defaulting to the value.
    pub text: LocalizedText,
    /// `score` (Canvass extension): the points this choice is worth;
    /// negative and fractional allowed. Without it a JSON-number value is
    /// the score.
    pub score: Option<f64>,
    /// `notApplicable` (Canvass extension): 不适用 / 不清楚 — counted as
    /// N/A, never scored, exclusive in a checkbox.
    pub not_applicable: bool,
    /// `visibleIf`: the choice is offered only while this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<String>,
}

impl Choice {
    /// The number this choice is worth: its `score`, else its value when
    /// that is a JSON number (numeric strings are not numbers), else none.
    pub fn number(&self) -> Option<f64> {
        self.score.or_else(|| self.value.as_f64())
    }
}

/// One row of a matrix question; scored as an item named `matrix.row`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixRow {
    pub value: Value,
    pub text: LocalizedText,
}

impl MatrixRow {
    /// The row's key in the answer object and in item ids (`matrix.key`).
    pub fn key(&self) -> String {
        value_key(&self.value)
    }
}

/// A JSON scalar as a plain string key (`"a"` → `a`, `3` → `3`).
pub fn value_key(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The `scoring` object (Canvass extension); see docs/FORMAT.md.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoringSpec {
    /// `indicators`: the indicator tree, in declaration order.
    pub indicators: Vec<IndicatorSpec>,
    /// `weights`: weights of the top-level indicators by name (default 1).
    pub top_weights: BTreeMap<String, f64>,
    /// `ahp`: pairwise matrix over the top-level indicators, in the order
    /// they appear in `indicators`.
    pub top_ahp: Option<AhpMatrix>,
    /// `minAnswered`: minimum weight share of top-level indicators with a
    /// score for the overall score to exist (default 0).
    pub top_min_answered: f64,
    /// `grades`: how the final result is banded, if at all.
    pub grades: Option<GradeSpec>,
    /// `overallQuestion`: the overall-satisfaction question's name.
    pub overall_question: Option<String>,
    /// `showScore`: show score, grade and indicators on the end page.
    pub show_score: bool,
    /// `boxSize`: top/bottom box k, default 2.
    pub box_size: u32,
    /// `followUp`: survey-declared follow-up conditions (DOMAIN item 23).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_up: Vec<FollowUpSpec>,
}

/// One of `scoring.followUp`: a response is flagged for a follow-up call
/// when `expression` holds, with `name` as the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpSpec {
    /// `name`: unique among the survey's follow-up conditions.
    pub name: String,
    /// `title`, defaulting to the name.
    pub title: LocalizedText,
    /// `expression` source text.
    pub expression: String,
}

/// One indicator (指标): a weighted mean of its children's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorSpec {
    /// `name`: unique among indicators and questions.
    pub name: String,
    /// `title`, defaulting to the name.
    pub title: LocalizedText,
    /// `children`, in order (the AHP matrix follows this order).
    pub children: Vec<ChildSpec>,
    /// `minAnswered`: minimum weight share (0..1) of children with a score.
    pub min_answered: f64,
    /// `ahp`: pairwise comparisons instead of child weights.
    pub ahp: Option<AhpMatrix>,
    /// Where it sits in the JSON, e.g. `scoring.indicators[2]`.
    pub path: String,
}

/// A child of an indicator: `{"question": "q1"}`, `{"question": "m",
/// "row": "r1"}` or `{"indicator": "service"}`, with an optional `weight`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildSpec {
    pub target: ChildRef,
    /// `weight` ≥ 0; default: the question's own `weight`, else 1.
    pub weight: Option<f64>,
}

/// What an indicator child points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ChildRef {
    /// A question; a matrix question here means all its rows (weight 1 each).
    Question { name: String },
    /// One row of a matrix question.
    MatrixRow { matrix: String, row: String },
    /// Another indicator.
    Indicator { name: String },
}

/// An AHP pairwise-comparison matrix as written: square, upper triangle in
/// [1/9, 9]; diagonal 1; entries below the diagonal may be null (they are
/// taken as reciprocals of the upper triangle).
pub type AhpMatrix = Vec<Vec<Option<f64>>>;

/// `grades`: bands on the overall score or the raw total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeSpec {
    /// `basis`: `"score"` (default) or `"total"`.
    pub basis: GradeBasis,
    /// `bands`, as written (default bands 优/良/中/可/差 when omitted and the
    /// basis is the score).
    pub bands: Vec<Band>,
}

/// What grade bands are compared against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GradeBasis {
    Score,
    Total,
}

/// One grade band. A value is in the highest band whose `min` it reaches
/// (tolerance 1e-9); at most one band has no `min` and catches the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// `name`: the grade's code, e.g. `"优"` or `"A"`.
    pub name: String,
    /// `title`: display text, defaulting to the name.
    pub title: LocalizedText,
    pub min: Option<f64>,
}

impl Survey {
    /// Every question in page order, panels flattened.
    pub fn questions(&self) -> Vec<&Question> {
        fn walk<'a>(elements: &'a [Element], out: &mut Vec<&'a Question>) {
            for e in elements {
                match e {
                    Element::Question(q) => out.push(q),
                    Element::Panel(p) => walk(&p.elements, out),
                }
            }
        }
        let mut out = Vec::new();
        for page in &self.pages {
            walk(&page.elements, &mut out);
        }
        out
    }

    /// The question named `name`, if any.
    pub fn question(&self, name: &str) -> Option<&Question> {
        self.questions().into_iter().find(|q| q.name == name)
    }
}
