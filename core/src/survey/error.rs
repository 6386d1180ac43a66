//! Errors and warnings of `survey::parse`.
//!
//! Every message starts with the place in the JSON, so that a survey author
//! can find it without a line number: `pages[1].elements[3] "q7": rateMax (3)
//! must not be less than rateMin (5)`. The place is a path of property names
//! and array indices from the top of the document; a question or indicator in
//! it is followed by its name in quotes. The top-level object itself is
//! `survey`. `path()` gives the place alone, e.g. for the UI to highlight it.

/// A reason the survey cannot be loaded. The loader collects every error it
/// can find rather than stopping at the first, so that one round of fixes
/// is usually enough.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The text is not JSON at all; serde's position is the only place there is.
    #[error("survey: not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },

    /// The survey, a page, an element, a choice object, an indicator … is not
    /// a JSON object.
    #[error("{path}: must be a JSON object, found {found}")]
    NotAnObject { path: String, found: String },

    /// A property (or an array entry, `choices[3]`) has the wrong JSON type.
    #[error("{path}: {property} must be {expected}, found {found}")]
    WrongType {
        path: String,
        property: String,
        expected: &'static str,
        found: String,
    },

    /// A property that must be one of a few words has another value.
    #[error("{path}: {property} must be one of {allowed}, found {found}")]
    NotOneOf {
        path: String,
        property: String,
        allowed: &'static str,
        found: String,
    },

    /// A required property is absent (or null).
    #[error("{path}: {property} is required")]
    Missing { path: String, property: String },

    /// A string or list that must have content is empty.
    #[error("{path}: {property} must not be empty")]
    Empty { path: String, property: String },

    /// Two properties that exclude each other are both given.
    #[error("{path}: {first} and {second} cannot both be given")]
    Conflict {
        path: String,
        first: String,
        second: String,
    },

    /// `type` names a question type Canvass does not render.
    #[error("{path}: unknown question type {type_name:?}")]
    UnknownQuestionType { path: String, type_name: String },

    /// Two questions share a name: answers are keyed by name.
    #[error("{path}: question name {name:?} is already used at {first}")]
    DuplicateQuestion {
        path: String,
        name: String,
        first: String,
    },

    /// A question and an indicator share a name: items and indicators share
    /// one namespace in reports.
    #[error("{path}: question name {name:?} is also the name of the indicator at {indicator}")]
    QuestionNamedLikeIndicator {
        path: String,
        name: String,
        indicator: String,
    },

    /// A choice object without `value`: there is nothing to store as the answer.
    #[error("{path}: choice has no value")]
    ChoiceWithoutValue { path: String },

    /// Two choices (or matrix rows) of one question have the same value (as
    /// text: `1` and `"1"` are the same key in an export).
    #[error("{path}: duplicate value {value} (also at {first})")]
    DuplicateValue {
        path: String,
        value: String,
        first: String,
    },

    /// `rateStep` is zero or negative: the scale would never end.
    #[error("{path}: rateStep ({step}) must be greater than 0")]
    RateStep { path: String, step: f64 },

    /// `rateMax` is below `rateMin`.
    #[error("{path}: rateMax ({max}) must not be less than rateMin ({min})")]
    RateRange { path: String, min: f64, max: f64 },

    /// `rateMin`..`rateMax` by `rateStep` gives more points than a screen can show.
    #[error("{path}: rateMin, rateMax and rateStep give {count} points, more than 100")]
    TooManyPoints { path: String, count: u64 },

    /// A number question's `min` is above its `max`: no answer could be valid.
    #[error("{path}: min ({min}) must not be greater than max ({max})")]
    TextBounds { path: String, min: f64, max: f64 },

    /// A boolean declares one of `scoreTrue` / `scoreFalse` only (DOMAIN 2).
    #[error("{path}: {given} is given without {missing}; give both or neither")]
    BooleanScore {
        path: String,
        given: &'static str,
        missing: &'static str,
    },

    /// A weight below zero.
    #[error("{path}: {property} ({weight}) must not be negative")]
    NegativeWeight {
        path: String,
        property: String,
        weight: f64,
    },

    /// `minAnswered` is a share, so it lies in [0, 1].
    #[error("{path}: minAnswered ({value}) must be between 0 and 1")]
    MinAnswered { path: String, value: f64 },

    /// `boxSize` must count scale points: a whole number from 1.
    #[error("{path}: boxSize must be a positive integer, found {found}")]
    BoxSize { path: String, found: String },

    /// Two indicators share a name.
    #[error("{path}: indicator name {name:?} is already used at {first}")]
    DuplicateIndicator {
        path: String,
        name: String,
        first: String,
    },

    /// An indicator child names neither a question nor an indicator.
    #[error("{path}: child must name a question or an indicator")]
    ChildWithoutTarget { path: String },

    /// A reference to a question that is not in the survey.
    #[error("{path}: question {name:?} does not exist")]
    UnknownQuestion { path: String, name: String },

    /// A reference to an indicator that is not in `scoring.indicators`.
    #[error("{path}: indicator {name:?} does not exist")]
    UnknownIndicator { path: String, name: String },

    /// A child names a row the matrix does not have.
    #[error("{path}: matrix {matrix:?} has no row {row:?}")]
    UnknownRow {
        path: String,
        matrix: String,
        row: String,
    },

    /// A child names a row of a question that is not a matrix.
    #[error("{path}: question {name:?} is not a matrix, so it has no row {row:?}")]
    NotAMatrix {
        path: String,
        name: String,
        row: String,
    },

    /// `scoring.weights` names an indicator that another indicator contains:
    /// top-level weights would not apply to it.
    #[error("{path}: indicator {name:?} is not top-level (another indicator contains it)")]
    NotTopLevel { path: String, name: String },

    /// An AHP matrix whose shape does not match the things it compares.
    #[error(
        "{path}: ahp must be a {size}×{size} matrix, one row and column per {per}, but {problem}"
    )]
    AhpShape {
        path: String,
        size: usize,
        per: &'static str,
        problem: String,
    },

    /// Two grade bands share a name.
    #[error("{path}: band name {name:?} is already used at {first}")]
    DuplicateBand {
        path: String,
        name: String,
        first: String,
    },

    /// A calculated value or follow-up condition whose name is taken: by
    /// another of its kind or, for a calculated value, by a question
    /// (`{name}` would be ambiguous).
    #[error("{path}: {what} name {name:?} is already used at {first}")]
    DuplicateName {
        path: String,
        what: &'static str,
        name: String,
        first: String,
    },

    /// A SurveyJS feature Canvass cannot offer (it needs a server, or
    /// Canvass does not implement it): the survey would not work as its
    /// author meant, so it does not load.
    #[error("{path}: {feature} is not supported: {why}")]
    Unsupported {
        path: String,
        feature: String,
        why: &'static str,
    },

    /// A URL (`imageLink`) with a scheme that could run code or leak the
    /// respondent's activity: only http(s) and `data:image/…` are shown.
    #[error("{path}: {property} must be an http(s) or data:image URL, found {found}")]
    UnsafeUrl {
        path: String,
        property: String,
        found: String,
    },

    /// A lower bound above its upper bound (`minValue` > `maxValue`,
    /// `minLength` > `maxLength`, …): nothing could pass.
    #[error("{path}: {min_key} ({min}) must not be greater than {max_key} ({max})")]
    Bounds {
        path: String,
        min_key: &'static str,
        max_key: &'static str,
        min: f64,
        max: f64,
    },
}

impl ParseError {
    /// The place in the JSON the error is about (`survey` for the whole text).
    pub fn path(&self) -> &str {
        use ParseError::*;
        match self {
            Syntax { .. } => "survey",
            NotAnObject { path, .. }
            | WrongType { path, .. }
            | NotOneOf { path, .. }
            | Missing { path, .. }
            | Empty { path, .. }
            | Conflict { path, .. }
            | UnknownQuestionType { path, .. }
            | DuplicateQuestion { path, .. }
            | QuestionNamedLikeIndicator { path, .. }
            | ChoiceWithoutValue { path }
            | DuplicateValue { path, .. }
            | RateStep { path, .. }
            | RateRange { path, .. }
            | TooManyPoints { path, .. }
            | TextBounds { path, .. }
            | BooleanScore { path, .. }
            | NegativeWeight { path, .. }
            | MinAnswered { path, .. }
            | BoxSize { path, .. }
            | DuplicateIndicator { path, .. }
            | ChildWithoutTarget { path }
            | UnknownQuestion { path, .. }
            | UnknownIndicator { path, .. }
            | UnknownRow { path, .. }
            | NotAMatrix { path, .. }
            | NotTopLevel { path, .. }
            | AhpShape { path, .. }
            | DuplicateBand { path, .. }
            | DuplicateName { path, .. }
            | Unsupported { path, .. }
            | UnsafeUrl { path, .. }
            | Bounds { path, .. } => path,
        }
    }
}

/// Something Canvass ignores but that does not stop loading. Ignored
/// properties are never dropped silently: a SurveyJS survey may rely on a
/// feature Canvass lacks (`showOtherItem`, `valueTrue`), and a typo in a
/// Canvass property (`isRequried`) would otherwise change the survey unseen.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseWarning {
    /// A property Canvass does not read at this place (cosmetic SurveyJS
    /// properties and unknown ones).
    #[error("{path}: property {property:?} is ignored by Canvass")]
    Ignored { path: String, property: String },

    /// An unknown property one typo away from one Canvass reads here.
    #[error("{path}: property {property:?} is ignored by Canvass (did you mean {suggestion:?}?)")]
    Misspelt {
        path: String,
        property: String,
        suggestion: &'static str,
    },

    /// `choicesByUrl` beside `choices`: Canvass works offline, so the
    /// cached `choices` are used and the URL is never fetched.
    #[error("{path}: choicesByUrl is not fetched (Canvass works offline); the choices given in the survey are used")]
    CachedChoices { path: String },

    /// An old spelling SurveyJS still reads (`mininumRateDescription`,
    /// a top-level `questions` array): accepted, and named so the author
    /// can modernise it.
    #[error("{path}: {property:?} is the old spelling of {modern:?}; it is read as such")]
    Legacy {
        path: String,
        property: String,
        modern: &'static str,
    },

    /// A property that another one overrides (`rateMin` beside `rateValues`).
    #[error("{path}: property {property:?} is ignored because {by:?} is given")]
    Overridden {
        path: String,
        property: String,
        by: &'static str,
    },
}

impl ParseWarning {
    /// The place in the JSON the warning is about.
    pub fn path(&self) -> &str {
        match self {
            ParseWarning::Ignored { path, .. }
            | ParseWarning::Misspelt { path, .. }
            | ParseWarning::Overridden { path, .. }
            | ParseWarning::CachedChoices { path }
            | ParseWarning::Legacy { path, .. } => path,
        }
    }

    /// The property ignored.
    pub fn property(&self) -> &str {
        match self {
            ParseWarning::Ignored { property, .. }
            | ParseWarning::Misspelt { property, .. }
            | ParseWarning::Overridden { property, .. }
            | ParseWarning::Legacy { property, .. } => property,
            ParseWarning::CachedChoices { .. } => "choicesByUrl",
        }
    }
}
