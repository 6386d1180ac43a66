//! The survey's structure as logic sees it: pages, panels and questions in
//! one arena in document order (preorder), each with its parent and the
//! graph nodes of its conditions. Shared (behind an `Arc`) by [`Logic`] and
//! every [`LogicState`], so that a state answers questions by name on its own.
//!
//! [`Logic`]: super::Logic
//! [`LogicState`]: super::LogicState

use std::collections::{BTreeMap, HashMap};

use crate::survey::{Choice, LocalizedText, QuestionKind, Value};

/// Index of a node in the dependency graph.
pub(crate) type NodeId = usize;

/// What an element of the arena is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ElementKind {
    Page,
    Panel,
    Question(QuestionKind),
}

/// How a question's answer holds choice values, for hiding choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChoiceShape {
    /// The answer is one value (radiogroup, dropdown, rating).
    One,
    /// The answer is an array of values (checkbox, ranking).
    Many,
    /// The answer is an object row → column value (matrix).
    Cells,
}

/// One page, panel or question.
#[derive(Debug, Clone)]
pub(crate) struct ElementInfo {
    pub kind: ElementKind,
    pub name: String,
    pub title: LocalizedText,
    /// The place for messages: `pages[0]`, `pages[0].elements[2] "q3"`.
    pub place: String,
    pub parent: Option<usize>,
    /// One past the last element of this one's subtree (preorder).
    pub end: usize,
    pub visible_if: Option<NodeId>,
    pub enable_if: Option<NodeId>,
    pub required_if: Option<NodeId>,
    pub is_required: bool,
    /// Questions: the node standing for the question's value.
    pub value: Option<NodeId>,
    /// Expression questions: the node computing the value.
    pub computed: Option<NodeId>,
    /// Questions with choices, columns or rate values: each option's value
    /// and its `visibleIf` node, if any.
    pub choices: Vec<(Value, Option<NodeId>)>,
    pub choice_shape: Option<ChoiceShape>,
}

impl ElementInfo {
    /// An element as the layout first records it: no conditions, value or
    /// choices yet, and a subtree of itself alone (`end` = `index + 1`).
    pub fn new(
        kind: ElementKind,
        name: &str,
        title: LocalizedText,
        place: String,
        parent: Option<usize>,
        index: usize,
    ) -> ElementInfo {
        ElementInfo {
            kind,
            name: name.to_owned(),
            title,
            place,
            parent,
            end: index + 1,
            visible_if: None,
            enable_if: None,
            required_if: None,
            is_required: false,
            value: None,
            computed: None,
            choices: Vec::new(),
            choice_shape: None,
        }
    }

    pub fn is_question(&self) -> bool {
        matches!(self.kind, ElementKind::Question(_))
    }

    /// Whether any choice has a `visibleIf`.
    pub fn hides_choices(&self) -> bool {
        self.choices.iter().any(|(_, node)| node.is_some())
    }
}

/// What a `{name}` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A question (its element index).
    Question(usize),
    /// A calculated value (its index in `calculatedValues`).
    Calculated(usize),
    /// `{locale}`: the UI language.
    Locale,
}

/// The special variable naming the UI language.
pub(crate) const LOCALE: &str = "locale";

/// The shared structure.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    pub elements: Vec<ElementInfo>,
    /// Page index → element index.
    pub pages: Vec<usize>,
    /// Question name → element index.
    pub questions: BTreeMap<String, usize>,
    /// Panel path (`pages[0].elements[1]`) → element index.
    pub panels: BTreeMap<String, usize>,
    /// Calculated values: name and node.
    pub calculated: Vec<(String, NodeId)>,
    /// Every name a variable can start with, exactly as declared.
    pub names: BTreeMap<String, Target>,
    /// The same, keyed by lower-case name (first declared wins), for
    /// SurveyJS's case-insensitive lookup.
    pub lower: HashMap<String, Target>,
}

impl Layout {
    /// Registers a name for variable lookup.
    pub fn add_name(&mut self, name: &str, target: Target) {
        self.names.entry(name.to_owned()).or_insert(target);
        self.lower.entry(crate::text::lower(name)).or_insert(target);
    }

    /// The target of a top-level name: exact, else ignoring case.
    pub fn lookup(&self, name: &str) -> Option<Target> {
        self.names
            .get(name)
            .or_else(|| self.lower.get(&crate::text::lower(name)))
            .copied()
    }

    /// The question element named `name` (exactly).
    pub fn question(&self, name: &str) -> Option<usize> {
        self.questions.get(name).copied()
    }

    /// `e` and its ancestors, innermost first.
    pub fn chain(&self, e: usize) -> impl Iterator<Item = &ElementInfo> {
        std::iter::successors(Some(e), move |&i| self.elements[i].parent)
            .map(move |i| &self.elements[i])
    }

    /// Question elements in `e`'s subtree, `e` included.
    pub fn questions_in(&self, e: usize) -> impl Iterator<Item = usize> + '_ {
        (e..self.elements[e].end).filter(move |&i| self.elements[i].is_question())
    }
}

/// Options of a question kind and how its answer holds them.
pub(crate) fn options(kind: &QuestionKind) -> Option<(&'static str, &[Choice], ChoiceShape)> {
    match kind {
        QuestionKind::RadioGroup { choices } | QuestionKind::Dropdown { choices } => {
            Some(("choices", choices, ChoiceShape::One))
        }
        QuestionKind::Checkbox { choices }
        | QuestionKind::Ranking { choices }
        | QuestionKind::Tagbox { choices } => Some(("choices", choices, ChoiceShape::Many)),
        QuestionKind::Rating { points, .. } => Some(("rateValues", points, ChoiceShape::One)),
        QuestionKind::Matrix { columns, .. } => Some(("columns", columns, ChoiceShape::Cells)),
        _ => None,
    }
}
