//! What a variable path (`q1`, `m.r1`, `list[0].price`) refers to, decided
//! when the survey is loaded with the rule the evaluator uses at run time
//! (`expr::scope::resolve`): the longest prefix, cut before a `.` or `[`,
//! that names a question, a calculated value or a special variable wins, and
//! the rest walks into its value. A path whose prefix names nothing is an
//! unknown variable; a matrix path must name one of its rows.

use super::layout::{ElementKind, Layout, Target};
use crate::expr::cut_points;
use crate::survey::QuestionKind;

/// Why a path does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    Unknown,
    NoRow { matrix: String, row: String },
}

/// The target a path starts with and the rest of the path (empty, or
/// starting with `.` or `[`).
pub(crate) fn resolve<'p>(layout: &Layout, path: &'p str) -> Result<(Target, &'p str), Problem> {
    let (target, cut) = cut_points(path)
        .into_iter()
        .rev()
        .find_map(|cut| Some((layout.lookup(&path[..cut])?, cut)))
        .ok_or(Problem::Unknown)?;
    let rest = &path[cut..];
    if let Target::Question(e) = target {
        let element = &layout.elements[e];
        if let ElementKind::Question(QuestionKind::Matrix { rows, .. }) = &element.kind {
            if let Some(tail) = rest.strip_prefix('.') {
                let names_row = |key: &str| {
                    let n = key.len();
                    tail.len() >= n
                        && tail.is_char_boundary(n)
                        && tail[..n].eq_ignore_ascii_case(key)
                        && matches!(tail.as_bytes().get(n), None | Some(b'.') | Some(b'['))
                };
                if !rows.iter().any(|r| names_row(&r.key())) {
                    let row = tail.split(['.', '[']).next().unwrap_or(tail);
                    return Err(Problem::NoRow {
                        matrix: element.name.clone(),
                        row: row.to_owned(),
                    });
                }
            }
        }
    }
    Ok((target, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{LocalizedText, MatrixRow, Value};

    fn layout() -> Layout {
        let mut layout = Layout::default();
        let matrix = QuestionKind::Matrix {
            rows: ["r1", "r.2"]
                .iter()
                .map(|r| MatrixRow {
                    value: Value::from(*r),
                    text: LocalizedText::plain(*r),
                })
                .collect(),
            columns: Vec::new(),
        };
        for (i, (name, kind)) in [
            ("q1", QuestionKind::Comment { placeholder: None }),
            ("m", matrix),
            ("a.b", QuestionKind::Comment { placeholder: None }),
        ]
        .into_iter()
        .enumerate()
        {
            layout.elements.push(super::super::layout::ElementInfo::new(
                ElementKind::Question(kind),
                name,
                LocalizedText::plain(name),
                format!("elements[{i}]"),
                None,
                i,
            ));
            layout.add_name(name, Target::Question(i));
        }
        layout.add_name("total", Target::Calculated(0));
        layout
    }

    #[test]
    fn paths_resolve_by_longest_prefix_and_check_matrix_rows() {
        let layout = layout();
        type Case<'a> = (&'a str, Result<(Target, &'a str), Problem>);
        let cases: &[Case] = &[
            ("q1", Ok((Target::Question(0), ""))),
            ("Q1", Ok((Target::Question(0), ""))),
            ("q1.length", Ok((Target::Question(0), ".length"))),
            ("q1[0]", Ok((Target::Question(0), "[0]"))),
            ("m", Ok((Target::Question(1), ""))),
            ("m.r1", Ok((Target::Question(1), ".r1"))),
            ("m.R1", Ok((Target::Question(1), ".R1"))),
            ("m.r.2", Ok((Target::Question(1), ".r.2"))),
            ("a.b", Ok((Target::Question(2), ""))),
            ("total", Ok((Target::Calculated(0), ""))),
            ("q9", Err(Problem::Unknown)),
            ("a", Err(Problem::Unknown)),
            (
                "m.r3",
                Err(Problem::NoRow {
                    matrix: "m".into(),
                    row: "r3".into(),
                }),
            ),
            (
                "m.r10",
                Err(Problem::NoRow {
                    matrix: "m".into(),
                    row: "r10".into(),
                }),
            ),
        ];
        for (path, expected) in cases {
            assert_eq!(&resolve(&layout, path), expected, "{path}");
        }
    }
}
