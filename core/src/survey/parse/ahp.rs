//! AHP matrices as written: read here, solved by the scoring compiler.

use serde_json::Value;

use super::props::describe;
use super::Ctx;
use crate::survey::{AhpMatrix, ParseError};

/// An AHP matrix as written: rows of numbers or nulls. The shape is checked
/// by the caller, who knows how many things it compares.
pub(super) fn ahp(value: &Value, place: &str, ctx: &mut Ctx) -> Option<AhpMatrix> {
    let wrong = |ctx: &mut Ctx, property: String, expected, found: &Value| {
        ctx.error(ParseError::WrongType {
            path: place.to_owned(),
            property,
            expected,
            found: describe(found),
        })
    };
    let Value::Array(rows) = value else {
        wrong(ctx, "ahp".into(), "an array of rows", value);
        return None;
    };
    let errors_before = ctx.error_count();
    let mut matrix = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let Value::Array(cells) = row else {
            wrong(
                ctx,
                format!("ahp[{i}]"),
                "an array of numbers or nulls",
                row,
            );
            continue;
        };
        let mut out = Vec::with_capacity(cells.len());
        for (j, cell) in cells.iter().enumerate() {
            match cell {
                Value::Null => out.push(None),
                Value::Number(n) => out.push(n.as_f64()),
                other => wrong(ctx, format!("ahp[{i}][{j}]"), "a number or null", other),
            }
        }
        matrix.push(out);
    }
    (ctx.error_count() == errors_before).then_some(matrix)
}

/// Reports a matrix that is not `size`×`size`.
pub(super) fn ahp_shape(
    matrix: &AhpMatrix,
    size: usize,
    per: &'static str,
    place: &str,
    ctx: &mut Ctx,
) {
    let problem = if matrix.len() != size {
        format!("it has {} rows", matrix.len())
    } else if let Some((i, row)) = matrix.iter().enumerate().find(|(_, row)| row.len() != size) {
        format!("row {i} has {} entries", row.len())
    } else {
        return;
    };
    ctx.error(ParseError::AhpShape {
        path: place.to_owned(),
        size,
        per,
        problem,
    });
}
