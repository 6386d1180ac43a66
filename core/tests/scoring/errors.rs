//! Every compile error kind and warning, with its message naming the place.

use canvass_core::survey::{GradeBasis, IndicatorSpec, InputType, QuestionKind};

use crate::support::*;

/// Three unscored questions first, so the question under test sits at `pages[0].elements[3]`.
fn at3(q: canvass_core::survey::Question) -> SurveyBuilder {
    survey(vec![comment("c0"), comment("c1"), comment("c2"), q])
}

#[track_caller]
fn expect(builder: SurveyBuilder, want: &[&str]) {
    assert_eq!(builder.errors(), want);
}

#[test]
fn item_errors() {
    let cases: Vec<(SurveyBuilder, &[&str])> = vec![
        (
            at3(radio("q7", vec![cs("a", 1.0), c(2), c("3"), na("不清楚"), c("n/a-ish")]).scored()),
            &[
                r#"pages[0].elements[3] "q7": choice "3" (index 2) has no score and its value is not a number"#,
                r#"pages[0].elements[3] "q7": choice "n/a-ish" (index 4) has no score and its value is not a number"#,
            ],
        ),
        (
            at3(matrix("m", &["r1"], vec![c(1), c("x")])).indicator(ind("i", vec![row("m", "r1")])),
            &[r#"pages[0].elements[3] "m": column "x" (index 1) has no score and its value is not a number"#],
        ),
        (
            at3(question("q7", QuestionKind::Rating { points: vec![c(1), c("two")], min_label: None, max_label: None }).scored()),
            &[r#"pages[0].elements[3] "q7": rate value "two" (index 1) has no score and its value is not a number"#],
        ),
        (at3(radio("q7", vec![na("a"), na("b")]).scored()), &[r#"pages[0].elements[3] "q7": no answer yields a number, so the item's range cannot be known"#]),
        (at3(radio("q7", vec![cs("a", 5.0), cs("b", 5.0)]).scored()), &[r#"pages[0].elements[3] "q7": every answer gives 5, so the item's range is empty (lo == hi)"#]),
        (at3(boolean("q7", 2.0, 2.0).scored()), &[r#"pages[0].elements[3] "q7": every answer gives 2, so the item's range is empty (lo == hi)"#]),
        (at3(checkbox("q7", vec![cs("a", 0.0), cs("b", 0.0)]).scored()), &[r#"pages[0].elements[3] "q7": every answer gives 0, so the item's range is empty (lo == hi)"#]),
        (at3(number("q7", 3.0, 3.0).scored()), &[r#"pages[0].elements[3] "q7": every answer gives 3, so the item's range is empty (lo == hi)"#]),
        (at3(number("q7", 5.0, 1.0).scored()), &[r#"pages[0].elements[3] "q7": min 5 must be less than max 1"#]),
        (
            at3(text("q7", InputType::Number, Some(0.0), None).scored()),
            &[r#"pages[0].elements[3] "q7": a scored number question needs both min and max (max missing)"#],
        ),
        (
            at3(text("q7", InputType::Number, None, Some(1.0))).indicator(ind("i", vec![q("q7")])),
            &[r#"pages[0].elements[3] "q7": a scored number question needs both min and max (min missing)"#],
        ),
        (
            at3(text("q7", InputType::Number, None, None).scored()),
            &[r#"pages[0].elements[3] "q7": a scored number question needs both min and max (min and max missing)"#],
        ),
        (at3(text("q7", InputType::Email, None, None).scored()), &[r#"pages[0].elements[3] "q7": a text question cannot be scored"#]),
        (at3(comment("q7").scored()), &[r#"pages[0].elements[3] "q7": a comment question cannot be scored"#]),
        (at3(ranking("q7", vec![c(1), c(2)])).indicator(ind("i", vec![q("q7")])), &[r#"pages[0].elements[3] "q7": a ranking question cannot be scored"#]),
        (at3(scale("q7", 3).scored().box_size(0)), &[r#"pages[0].elements[3] "q7": boxSize must be at least 1"#]),
        (at3(scale("q7", 3).scored().weight(-1.0)), &[r#"pages[0].elements[3] "q7": weight -1 must be a finite number ≥ 0"#]),
    ];
    for (builder, want) in cases {
        expect(builder, want);
    }
}

#[test]
fn overall_question_errors() {
    let overall = |name: &str| {
        let name = name.to_owned();
        move |s: &mut canvass_core::survey::ScoringSpec| s.overall_question = Some(name)
    };
    expect(at3(checkbox("q7", vec![c(1), c(2)])).scoring(overall("q7")), &[
        r#"pages[0].elements[3] "q7": the overall-satisfaction question needs a discrete scale (choice, rating or boolean), not a checkbox question"#,
    ]);
    expect(at3(scale("q7", 3)).scoring(overall("nope")), &[r#"scoring.overallQuestion: question "nope" does not exist"#]);
    expect(at3(radio("q7", vec![c("a"), c("b")])).scoring(overall("q7")), &[
        r#"pages[0].elements[3] "q7": choice "a" (index 0) has no score and its value is not a number"#,
        r#"pages[0].elements[3] "q7": choice "b" (index 1) has no score and its value is not a number"#,
    ]);
    // Scored and broken: its errors are reported once.
    expect(at3(radio("q7", vec![c("a"), c(1)]).scored()).scoring(overall("q7")), &[
        r#"pages[0].elements[3] "q7": choice "a" (index 0) has no score and its value is not a number"#,
    ]);
}

fn with_min(mut spec: IndicatorSpec, min: f64) -> IndicatorSpec {
    spec.min_answered = min;
    spec
}

fn with_ahp(mut spec: IndicatorSpec, rows: &[&[f64]]) -> IndicatorSpec {
    spec.ahp = Some(upper(rows));
    spec
}

#[test]
fn indicator_errors() {
    let qs = || vec![scale("a", 3), scale("b", 3), matrix("m", &["r1"], vec![c(0), c(1)])];
    let cases: Vec<(SurveyBuilder, &[&str])> = vec![
        (
            survey(qs()).indicator(ind("x", vec![q("a")])).indicator(ind("x", vec![q("b")])),
            &[r#"scoring.indicators[1] "x": the indicator name is already used by scoring.indicators[0] "x""#],
        ),
        (survey(qs()).indicator(ind("a", vec![q("b")])), &[r#"scoring.indicators[0] "a": the indicator name is already used by pages[0].elements[0] "a""#]),
        (survey(qs()).indicator(ind("x", vec![])), &[r#"scoring.indicators[0] "x": an indicator needs at least one child"#]),
        (survey(qs()).indicator(ind("x", vec![q("a"), q("zz")])), &[r#"scoring.indicators[0] "x": children[1] names question "zz", which does not exist"#]),
        (survey(qs()).indicator(ind("x", vec![row("zz", "r1")])), &[r#"scoring.indicators[0] "x": children[0] names question "zz", which does not exist"#]),
        (survey(qs()).indicator(ind("x", vec![row("a", "r1")])), &[r#"scoring.indicators[0] "x": children[0] names row "r1" of "a", which is not a matrix question"#]),
        (survey(qs()).indicator(ind("x", vec![row("m", "r9")])), &[r#"scoring.indicators[0] "x": children[0] names row "r9" of matrix "m", which has no such row"#]),
        (survey(qs()).indicator(ind("x", vec![sub("y")])), &[r#"scoring.indicators[0] "x": children[0] names indicator "y", which does not exist"#]),
        (survey(qs()).indicator(ind("x", vec![qw("a", -2.0)])), &[r#"scoring.indicators[0] "x" children[0]: weight -2 must be a finite number ≥ 0"#]),
        (survey(qs()).indicator(ind("x", vec![qw("a", f64::INFINITY)])), &[r#"scoring.indicators[0] "x" children[0]: weight inf must be a finite number ≥ 0"#]),
        (survey(qs()).indicator(with_min(ind("x", vec![q("a")]), 1.5)), &[r#"scoring.indicators[0] "x": minAnswered 1.5 must be between 0 and 1"#]),
        (
            survey(qs()).indicator(ind("x", vec![q("a")])).scoring(|s| s.top_min_answered = -0.1),
            &[r#"scoring.minAnswered: minAnswered -0.1 must be between 0 and 1"#],
        ),
        (
            survey(qs()).indicator(ind("top", vec![sub("x")])).indicator(ind("x", vec![q("a"), sub("y")])).indicator(ind("y", vec![sub("x")])),
            &[r#"scoring.indicators[1] "x": indicator cycle x → y → x"#],
        ),
        (survey(qs()).indicator(ind("x", vec![q("a"), sub("x")])), &[r#"scoring.indicators[0] "x": indicator cycle x → x"#]),
        (
            survey(qs()).indicator(with_ahp(ind("x", vec![q("a"), qw("b", 2.0)]), &[&[1.0, 3.0], &[1.0]])),
            &[r#"scoring.indicators[0] "x": give an AHP matrix or child weights, not both (children[1] has a weight)"#],
        ),
        (
            survey(qs()).indicator(with_ahp(ind("x", vec![q("a"), q("b")]), &[&[1.0, 3.0, 2.0], &[1.0, 1.0], &[1.0]])),
            &[r#"scoring.indicators[0] "x": the AHP matrix has 3 rows but there are 2 elements to compare"#],
        ),
        (
            survey(qs()).indicator(with_ahp(ind("x", vec![q("a"), q("b")]), &[&[1.0, 10.0], &[1.0]])),
            &[r#"scoring.indicators[0] "x": ahp[0][1] is 10, outside [1/9, 9]"#],
        ),
        (
            survey(qs()).indicator(ind("x", vec![q("a")])).indicator(ind("y", vec![q("b")])).scoring(|s| {
                s.top_ahp = Some(upper(&[&[1.0, 2.0], &[1.0]]));
                s.top_weights = [("x".to_owned(), 1.0)].into();
            }),
            &[r#"scoring: give ahp or weights for the top-level indicators, not both"#],
        ),
        (
            survey(qs()).indicator(ind("x", vec![q("a")])).scoring(|s| s.top_ahp = Some(upper(&[&[1.0, 2.0], &[1.0]]))),
            &[r#"scoring.ahp: the AHP matrix has 2 rows but there are 1 elements to compare"#],
        ),
        (
            survey(qs()).indicator(ind("x", vec![sub("y")])).indicator(ind("y", vec![q("a")])).scoring(|s| {
                s.top_weights = [("y".to_owned(), 2.0), ("zz".to_owned(), 1.0)].into();
            }),
            &[r#"scoring.weights: "y" is not a top-level indicator"#, r#"scoring.weights: "zz" is not a top-level indicator"#],
        ),
        (
            survey(qs()).indicator(ind("x", vec![q("a")])).scoring(|s| s.top_weights = [("x".to_owned(), -1.0)].into()),
            &[r#"scoring.weights "x": weight -1 must be a finite number ≥ 0"#],
        ),
    ];
    for (builder, want) in cases {
        expect(builder, want);
    }
}

#[test]
fn ahp_matrix_errors() {
    let n = 11;
    let names: Vec<String> = (0..n).map(|i| format!("q{i}")).collect();
    let big: Vec<Vec<Option<f64>>> = (0..n).map(|_| vec![Some(1.0); n]).collect();
    let mut spec = ind("x", names.iter().map(|s| q(s)).collect());
    spec.ahp = Some(big);
    expect(survey(names.iter().map(|s| scale(s, 3)).collect()).indicator(spec), &[
        r#"scoring.indicators[0] "x": the AHP matrix compares 11 elements; at most 10 are allowed"#,
    ]);
    // (matrix as written, messages after the indicator's place)
    let third = 1.0 / 3.0;
    let cases: Vec<(Vec<Vec<Option<f64>>>, &[&str])> = vec![
        (vec![vec![Some(1.0), Some(3.0)], vec![Some(0.333), Some(1.0)]], &["ahp[1][0] is 0.333, not the reciprocal of ahp[0][1] = 3"]),
        (vec![vec![Some(1.0), None], vec![None, Some(1.0)]], &["ahp[0][1] is missing"]),
        (vec![vec![Some(2.0), Some(3.0)], vec![None, None]], &["ahp[0][0] must be 1, found 2", "ahp[1][1] is missing"]),
        (vec![vec![Some(1.0), Some(0.1)], vec![None, Some(1.0)]], &["ahp[0][1] is 0.1, outside [1/9, 9]"]),
        (vec![vec![Some(1.0), Some(3.0)], vec![Some(1.0)]], &["ahp[1] has 1 entries but there are 2 elements to compare"]),
    ];
    for (matrix, want) in cases {
        let mut spec = ind("x", vec![q("a"), q("b")]);
        spec.ahp = Some(matrix.clone());
        let want: Vec<String> = want.iter().map(|m| format!(r#"scoring.indicators[0] "x": {m}"#)).collect();
        assert_eq!(survey(vec![scale("a", 3), scale("b", 3)]).indicator(spec).errors(), want, "{matrix:?}");
    }
    // Accepted: exact reciprocals below the diagonal, and 1/9 written with ten decimals.
    for matrix in [vec![vec![Some(1.0), Some(3.0)], vec![Some(third), Some(1.0)]], vec![vec![Some(1.0), Some(0.1111111111)], vec![None, Some(1.0)]]] {
        let mut spec = ind("x", vec![q("a"), q("b")]);
        spec.ahp = Some(matrix);
        survey(vec![scale("a", 3), scale("b", 3)]).indicator(spec).compile();
    }
}

#[test]
fn band_errors() {
    let base = || survey(vec![scale("a", 3).scored()]);
    let cases: Vec<(SurveyBuilder, &[&str])> = vec![
        (base().grades(GradeBasis::Total, vec![]), &["scoring.grades: grading on the raw total needs explicit bands"]),
        (
            base().grades(GradeBasis::Score, vec![band("A", Some(80.0)), band("B", Some(80.0 + 1e-10))]),
            &[r#"scoring.grades.bands[1] "B": minimum 80.0000000001 repeats the minimum of bands[0]"#],
        ),
        (
            base().grades(GradeBasis::Score, vec![band("A", Some(80.0)), band("B", None), band("C", None)]),
            &[r#"scoring.grades.bands[2] "C": only one band may omit min, and bands[1] already does"#],
        ),
        (
            base().grades(GradeBasis::Total, vec![band("A", Some(80.0)), band("A", Some(10.0))]),
            &[r#"scoring.grades.bands[1] "A": the band name repeats bands[0]"#],
        ),
        (base().grades(GradeBasis::Score, vec![band("A", Some(f64::NAN))]), &[r#"scoring.grades.bands[0] "A": min NaN must be a finite number"#]),
    ];
    for (builder, want) in cases {
        expect(builder, want);
    }
}

#[test]
fn all_errors_are_reported_together() {
    let errors = survey(vec![comment("c").scored(), scale("a", 3)])
        .indicator(ind("x", vec![q("zz"), sub("x")]))
        .grades(GradeBasis::Total, vec![])
        .errors();
    assert_eq!(errors.len(), 4, "{errors:#?}");
}

#[test]
fn warnings() {
    // Saaty's house example (see ahp_tests.rs) is inconsistent: CR ≈ 0.169.
    let house: &[&[f64]] = &[
        &[1.0, 5.0, 3.0, 7.0, 6.0, 6.0, 1.0 / 3.0, 1.0 / 4.0],
        &[1.0, 1.0 / 3.0, 5.0, 3.0, 3.0, 1.0 / 5.0, 1.0 / 7.0],
        &[1.0, 6.0, 3.0, 4.0, 6.0, 1.0 / 5.0],
        &[1.0, 1.0 / 3.0, 1.0 / 4.0, 1.0 / 7.0, 1.0 / 8.0],
        &[1.0, 1.0 / 2.0, 1.0 / 5.0, 1.0 / 6.0],
        &[1.0, 1.0 / 5.0, 1.0 / 6.0],
        &[1.0, 1.0 / 2.0],
        &[1.0],
    ];
    let names: Vec<String> = (0..8).map(|i| format!("d{i}")).collect();
    let mut builder = survey(names.iter().map(|n| scale(&format!("q_{n}"), 3)).collect());
    for n in &names {
        builder = builder.indicator(ind(n, vec![q(&format!("q_{n}"))]));
    }
    let (model, warnings) = builder.scoring(|s| s.top_ahp = Some(upper(house))).compile_warned();
    assert_eq!(messages(&warnings), ["scoring.ahp: the AHP matrix is inconsistent (CR = 0.1691 ≥ 0.10); its weights are used anyway"]);
    let top = model.top_level();
    let weights: Vec<f64> = top.children.iter().map(|c| c.weight).collect();
    assert_eq!(weights, top.ahp.as_ref().unwrap().weights, "an inconsistent matrix is still used");

    let (_, warnings) = survey(vec![scale("a", 3)]).indicator(ind("x", vec![q("a"), qw("a", 2.0)])).compile_warned();
    assert_eq!(messages(&warnings), [r#"scoring.indicators[0] "x": children[1] repeats children[0], so it counts twice"#]);
}
