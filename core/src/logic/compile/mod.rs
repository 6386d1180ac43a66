//! Compiling a survey's logic once: the element arena, every expression
//! parsed and its variables resolved, the dependency graph and its order.
//! Every problem is collected, each naming its place.

use std::collections::BTreeMap;

use crate::expr::{Expr, Literal};
use crate::survey::{LocalizedText, Survey};

mod elements;

use super::error::LogicError;
use super::graph::{Graph, NodeKind};
use super::layout::{ElementInfo, ElementKind, Layout, NodeId, Target, LOCALE};
use super::names::{resolve, Problem};
use super::pipe::references;
use super::validate::CheckedValidator;
use super::Logic;

pub(super) fn compile(survey: &Survey) -> Result<Logic, Vec<LogicError>> {
    let mut c = Compiler {
        layout: Layout::default(),
        graph: Graph::default(),
        errors: Vec::new(),
        validators: BTreeMap::new(),
        email: None,
    };
    for (i, page) in survey.pages.iter().enumerate() {
        let e = c.push(
            ElementKind::Page,
            &page.name,
            page.title.clone(),
            format!("pages[{i}]"),
            None,
        );
        c.layout.pages.push(e);
        c.elements(&page.elements, e);
        c.layout.elements[e].end = c.layout.elements.len();
    }
    for (i, calc) in survey.calculated_values.iter().enumerate() {
        let place = format!("calculatedValues[{i}] {:?}", calc.name);
        let node = c.graph.add(
            NodeKind::Value(null()),
            place.clone(),
            format!("{place}.expression"),
        );
        c.layout.calculated.push((calc.name.clone(), node));
        c.layout.add_name(&calc.name, Target::Calculated(i));
    }
    c.layout.add_name(LOCALE, Target::Locale);

    c.element_logic(survey);
    for (i, calc) in survey.calculated_values.iter().enumerate() {
        let node = c.layout.calculated[i].1;
        let place = c.graph.nodes[node].place.clone();
        if let Some((expr, reads)) = c.expression(&calc.expression, &place, "expression") {
            c.graph.nodes[node].kind = NodeKind::Value(expr);
            c.graph.nodes[node].reads = reads;
        }
    }
    c.wire_values();
    let completed = survey
        .completed_html_on_condition
        .iter()
        .enumerate()
        .filter_map(|(i, entry)| {
            let place = format!("completedHtmlOnCondition[{i}]");
            c.text(&entry.html, &place, "html");
            Some((
                c.expression(&entry.expression, &place, "expression")?.0,
                entry.html.clone(),
            ))
        })
        .collect();
    if let Some(text) = &survey.completed_html {
        c.text(text, "survey", "completedHtml");
    }
    let follow_ups = survey
        .scoring
        .follow_up
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let place = format!("scoring.followUp[{i}] {:?}", f.name);
            Some((
                f.name.clone(),
                c.expression(&f.expression, &place, "expression")?.0,
            ))
        })
        .collect();
    let mut parts = super::parts::PartsByQuestion::new();
    for question in survey.questions() {
        match super::parts::Parts::compile(question, &c.layout) {
            Some(Ok(p)) => {
                parts.insert(question.name.clone(), p);
            }
            Some(Err(errors)) => c.errors.extend(errors),
            None => {}
        }
    }
    if let Err(cycles) = c.graph.finish() {
        for cycle in cycles {
            let nodes = &c.graph.nodes;
            let mut chain: Vec<String> = cycle.iter().map(|&n| nodes[n].label.clone()).collect();
            chain.push(nodes[cycle[0]].label.clone());
            c.errors.push(LogicError::Cycle {
                place: nodes[cycle[0]].place.clone(),
                chain,
            });
        }
    }
    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    Ok(Logic {
        layout: std::sync::Arc::new(c.layout),
        graph: c.graph,
        validators: c.validators,
        email: c.email,
        completed,
        completed_default: survey.completed_html.clone(),
        follow_ups,
        include_into_result: survey
            .calculated_values
            .iter()
            .map(|c| c.include_into_result)
            .collect(),
        has_other: crate::small_sort::set_of(
            survey.questions().into_iter().filter(|q| q.has_other).map(|q| q.name.clone()),
        ),
        parts,
    })
}

/// The expression standing in for one that did not compile (the survey
/// does not load then, but compiling goes on to find more errors).
fn null() -> Expr {
    Expr::Literal(Literal::Null)
}

/// The variables inside the filters of `…InArray` calls (which
/// `Expr::variables` leaves out).
fn filter_variables(expr: &Expr, in_filter: bool, out: &mut Vec<String>) {
    match expr {
        Expr::Literal(_) => {}
        Expr::Variable(v) => {
            if in_filter {
                out.push(v.name.clone());
            }
        }
        Expr::Array(items) => items
            .iter()
            .for_each(|e| filter_variables(e, in_filter, out)),
        Expr::Unary { operand, .. } => filter_variables(operand, in_filter, out),
        Expr::Binary { left, right, .. } => {
            filter_variables(left, in_filter, out);
            filter_variables(right, in_filter, out);
        }
        Expr::Call { function, args } => {
            for (i, arg) in args.iter().enumerate() {
                filter_variables(
                    arg,
                    in_filter || (function.takes_item_filter() && i >= 2),
                    out,
                );
            }
        }
    }
}

struct Compiler {
    layout: Layout,
    graph: Graph,
    errors: Vec<LogicError>,
    validators: BTreeMap<usize, Vec<CheckedValidator>>,
    email: Option<crate::text::Pattern>,
}

impl Compiler {
    fn push(
        &mut self,
        kind: ElementKind,
        name: &str,
        title: Option<LocalizedText>,
        place: String,
        parent: Option<usize>,
    ) -> usize {
        let e = self.layout.elements.len();
        self.layout.elements.push(ElementInfo::new(
            kind,
            name,
            title.unwrap_or_else(|| LocalizedText::plain(name)),
            place,
            parent,
            e,
        ));
        e
    }

    /// Compiles `src` found at `place`.`property`: the expression and the
    /// nodes it reads, or `None` after recording its errors.
    fn expression(
        &mut self,
        src: &str,
        place: &str,
        property: &str,
    ) -> Option<(Expr, Vec<NodeId>)> {
        let expr = match Expr::parse(src) {
            Ok(expr) => expr,
            Err(error) => {
                self.errors.push(LogicError::Expression {
                    place: place.to_owned(),
                    property: property.to_owned(),
                    error,
                });
                return None;
            }
        };
        let before = self.errors.len();
        let mut reads: Vec<NodeId> = expr
            .variables()
            .into_iter()
            .filter_map(|name| self.variable(name, place, property))
            .collect();
        // Names in an `…InArray` filter are item fields first, but fall back
        // to the survey's values: those that name one are read too.
        let mut filtered = Vec::new();
        filter_variables(&expr, false, &mut filtered);
        for name in filtered {
            match resolve(&self.layout, &name) {
                Ok((Target::Question(e), _)) => reads.extend(self.layout.elements[e].value),
                Ok((Target::Calculated(i), _)) => reads.push(self.layout.calculated[i].1),
                _ => {}
            }
        }
        (self.errors.len() == before).then_some((expr, reads))
    }

    /// The node a variable reads (none for `{locale}`), or records why it
    /// names nothing.
    fn variable(&mut self, name: &str, place: &str, property: &str) -> Option<NodeId> {
        match resolve(&self.layout, name) {
            Ok((Target::Question(e), _)) => self.layout.elements[e].value,
            Ok((Target::Calculated(i), _)) => Some(self.layout.calculated[i].1),
            Ok((Target::Locale, _)) => None,
            Err(Problem::Unknown) => {
                self.errors.push(LogicError::UnknownVariable {
                    place: place.to_owned(),
                    property: property.to_owned(),
                    name: name.to_owned(),
                });
                None
            }
            Err(Problem::NoRow { matrix, row }) => {
                self.errors.push(LogicError::UnknownRow {
                    place: place.to_owned(),
                    property: property.to_owned(),
                    name: name.to_owned(),
                    matrix,
                    row,
                });
                None
            }
        }
    }

    /// A condition node for a non-blank `src`.
    fn condition(&mut self, src: Option<&String>, place: &str, property: &str) -> Option<NodeId> {
        let src = src.filter(|s| !s.trim().is_empty())?;
        let (expr, reads) = self.expression(src, place, property)?;
        let node = self.graph.add(
            NodeKind::Condition(expr),
            place.to_owned(),
            format!("{place}.{property}"),
        );
        self.graph.nodes[node].reads = reads;
        Some(node)
    }

    /// Checks every `{name}` in every translation of a text.
    fn text(&mut self, text: &LocalizedText, place: &str, property: &str) {
        let only_default = text.0.len() == 1 && text.0.contains_key("default");
        for (locale, s) in &text.0 {
            let property = if only_default {
                property.to_owned()
            } else {
                format!("{property}[{locale:?}]")
            };
            for (_, name) in references(s) {
                self.variable(name, place, &property);
            }
        }
    }
}
