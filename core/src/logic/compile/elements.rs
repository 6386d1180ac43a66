//! The elements' part of compiling: the arena of pages, panels and
//! questions, then each element's conditions, texts, choices, expression
//! and validators, and the reads of every question's value node.

use crate::survey::{
    Element, InputType, LocalizedText, Question, QuestionKind, Survey, ValidatorKind,
};

use super::super::error::LogicError;
use super::super::graph::NodeKind;
use super::super::layout::{options, ElementKind, NodeId, Target};
use super::super::validate::{Check, CheckedValidator, EMAIL};
use super::{null, Compiler};

impl Compiler {
    /// Adds the elements of a page or panel, depth first.
    pub(super) fn elements(&mut self, elements: &[Element], parent: usize) {
        for element in elements {
            match element {
                Element::Panel(panel) => {
                    let place = format!("{} {:?}", panel.path, panel.name);
                    let e = self.push(
                        ElementKind::Panel,
                        &panel.name,
                        panel.title.clone(),
                        place,
                        Some(parent),
                    );
                    self.layout.panels.insert(panel.path.clone(), e);
                    self.elements(&panel.elements, e);
                    self.layout.elements[e].end = self.layout.elements.len();
                }
                Element::Question(q) => {
                    let place = format!("{} {:?}", q.path, q.name);
                    let e = self.push(
                        ElementKind::Question(q.kind.clone()),
                        &q.name,
                        Some(q.title.clone()),
                        place.clone(),
                        Some(parent),
                    );
                    let node = self
                        .graph
                        .add(NodeKind::Question, place, format!("{{{}}}", q.name));
                    self.layout.elements[e].value = Some(node);
                    self.layout.questions.insert(q.name.clone(), e);
                    self.layout.add_name(&q.name, Target::Question(e));
                }
            }
        }
    }

    /// Conditions, choices, texts, expression questions and validators of
    /// every element.
    pub(super) fn element_logic(&mut self, survey: &Survey) {
        let mut e = 0;
        for page in &survey.pages {
            let place = self.layout.elements[e].place.clone();
            self.conditions(
                e,
                &place,
                page.visible_if.as_ref(),
                page.enable_if.as_ref(),
                page.required_if.as_ref(),
                page.is_required,
            );
            self.optional_text(page.title.as_ref(), &place, "title");
            self.optional_text(page.description.as_ref(), &place, "description");
            e += 1;
            self.element_list(&page.elements, &mut e);
        }
    }

    fn element_list(&mut self, elements: &[Element], e: &mut usize) {
        for element in elements {
            let id = *e;
            let place = self.layout.elements[id].place.clone();
            *e += 1;
            match element {
                Element::Panel(p) => {
                    self.conditions(
                        id,
                        &place,
                        p.visible_if.as_ref(),
                        p.enable_if.as_ref(),
                        p.required_if.as_ref(),
                        p.is_required,
                    );
                    self.optional_text(p.title.as_ref(), &place, "title");
                    self.optional_text(p.description.as_ref(), &place, "description");
                    self.element_list(&p.elements, e);
                }
                Element::Question(q) => {
                    self.conditions(
                        id,
                        &place,
                        q.visible_if.as_ref(),
                        q.enable_if.as_ref(),
                        q.required_if.as_ref(),
                        q.is_required,
                    );
                    self.text(&q.title, &place, "title");
                    self.optional_text(q.description.as_ref(), &place, "description");
                    self.question_kind(id, &place, &q.kind);
                    self.question_validators(id, &place, q);
                }
            }
        }
    }

    fn optional_text(&mut self, text: Option<&LocalizedText>, place: &str, property: &str) {
        if let Some(text) = text {
            self.text(text, place, property);
        }
    }

    fn conditions(
        &mut self,
        e: usize,
        place: &str,
        visible: Option<&String>,
        enable: Option<&String>,
        required: Option<&String>,
        is_required: bool,
    ) {
        self.layout.elements[e].visible_if = self.condition(visible, place, "visibleIf");
        self.layout.elements[e].enable_if = self.condition(enable, place, "enableIf");
        self.layout.elements[e].required_if = self.condition(required, place, "requiredIf");
        self.layout.elements[e].is_required = is_required;
    }

    /// Choice conditions and texts, matrix row texts, the expression of an
    /// expression question.
    fn question_kind(&mut self, e: usize, place: &str, kind: &QuestionKind) {
        if let Some((key, choices, shape)) = options(kind) {
            let mut list = Vec::with_capacity(choices.len());
            for (i, choice) in choices.iter().enumerate() {
                let at = format!("{place}.{key}[{i}]");
                self.text(&choice.text, &at, "text");
                let node = self.condition(choice.visible_if.as_ref(), &at, "visibleIf");
                list.push((choice.value.clone(), node));
            }
            self.layout.elements[e].choices = list;
            self.layout.elements[e].choice_shape = Some(shape);
        }
        match kind {
            QuestionKind::Matrix { rows, .. } => {
                for (i, row) in rows.iter().enumerate() {
                    self.text(&row.text, &format!("{place}.rows[{i}]"), "text");
                }
            }
            QuestionKind::Expression { expression, .. } => {
                let (expr, reads) = match self.expression(expression, place, "expression") {
                    Some(compiled) => compiled,
                    None => (null(), Vec::new()),
                };
                let node = self.graph.add(
                    NodeKind::Value(expr),
                    place.to_owned(),
                    format!("{place}.expression"),
                );
                self.graph.nodes[node].reads = reads;
                self.layout.elements[e].computed = Some(node);
            }
            QuestionKind::Text {
                input_type: InputType::Email,
                ..
            } => self.ensure_email(),
            _ => {}
        }
    }

    fn question_validators(&mut self, e: usize, place: &str, q: &Question) {
        let mut out = Vec::new();
        for (i, v) in q.validators.iter().enumerate() {
            let at = format!("{place}.validators[{i}]");
            let check = match &v.kind {
                ValidatorKind::Numeric { min, max } => Check::Numeric {
                    min: *min,
                    max: *max,
                },
                ValidatorKind::Text {
                    min_length,
                    max_length,
                } => Check::Text {
                    min_length: *min_length,
                    max_length: *max_length,
                },
                ValidatorKind::AnswerCount {
                    min_count,
                    max_count,
                } => Check::AnswerCount {
                    min_count: *min_count,
                    max_count: *max_count,
                },
                ValidatorKind::Email => {
                    self.ensure_email();
                    Check::Email
                }
                ValidatorKind::Regex {
                    regex,
                    case_insensitive,
                } => {
                    match crate::text::Pattern::new(regex, *case_insensitive) {
                        Ok(re) => Check::Regex(re),
                        Err(message) => {
                            self.errors.push(LogicError::Regex { place: at, message });
                            continue;
                        }
                    }
                }
                ValidatorKind::Expression { expression } => {
                    match self.expression(expression, &at, "expression") {
                        Some((expr, _)) => Check::Expression(expr),
                        None => continue,
                    }
                }
            };
            out.push(CheckedValidator {
                check,
                text: v.text.clone(),
            });
        }
        if !out.is_empty() {
            self.validators.insert(e, out);
        }
    }

    fn ensure_email(&mut self) {
        if self.email.is_none() {
            self.email = crate::text::Pattern::new(EMAIL, false).ok();
        }
    }

    /// A question's value node reads its visibility conditions (its own and
    /// its ancestors'), its choices' conditions and its computed value.
    pub(super) fn wire_values(&mut self) {
        for e in 0..self.layout.elements.len() {
            let Some(node) = self.layout.elements[e].value else {
                continue;
            };
            let mut reads: Vec<NodeId> = self
                .layout
                .chain(e)
                .filter_map(|el| el.visible_if)
                .collect();
            let element = &self.layout.elements[e];
            reads.extend(element.choices.iter().filter_map(|(_, n)| *n));
            reads.extend(element.computed);
            self.graph.nodes[node].reads = reads;
        }
    }
}
