//! Satisfaction rate, NPS, targets, expectation gaps, Kano and themes over
//! one hand-checked set of responses.

use canvass_core::aggregate::kano::KanoCategory;
use serde_json::json;

use super::{close, done, fixture, run, Fx};

fn kano_choices() -> serde_json::Value {
    json!(["love", "must", "neutral", "live", "hate", {"value": "unsure", "notApplicable": true}])
}

/// An unscored overall question, an NPS question, a gap pair, a Kano pair
/// and a comment with two themes, plus targets on every metric.
fn survey() -> Fx {
    fixture(json!({
        "elements": [
            {"type": "radiogroup", "name": "overall", "choices": [5, 4, 3, 2, 1]},
            {"type": "rating", "name": "recommend", "rateMin": 0, "rateMax": 10},
            {"type": "rating", "name": "exp_speed", "rateMin": 1, "rateMax": 5},
            {"type": "rating", "name": "per_speed", "rateMin": 1, "rateMax": 5},
            {"type": "radiogroup", "name": "f_app", "choices": kano_choices()},
            {"type": "dropdown", "name": "d_app", "choices": kano_choices()},
            {"type": "comment", "name": "complaint"}
        ],
        "scoring": {
            "overallQuestion": "overall",
            "npsQuestion": "recommend",
            "targets": [
                {"name": "完成值", "metric": "satisfactionRate", "min": 0.8},
                {"name": "底线", "metric": "satisfactionRate", "min": 0.5},
                {"name": "nps", "metric": "nps", "min": 0},
                {"name": "score", "metric": "overallMean", "min": 75},
                {"name": "reach", "metric": "responseRate", "min": 0.7}
            ],
            "gaps": [{"name": "speed", "expected": "exp_speed", "perceived": "per_speed"}],
            "kano": [{"name": "app", "functional": "f_app", "dysfunctional": "d_app",
                      "map": {"love": "like", "must": "expect", "neutral": "neutral", "live": "tolerate", "hate": "dislike"}}],
            "themes": [
                {"name": "voltage", "title": {"default": "Voltage", "zh-cn": "电压"}, "keywords": ["电压", "voltage"]},
                {"name": "staff", "keywords": ["态度"], "questions": ["complaint"]}
            ]
        }
    }))
}

#[test]
fn satisfaction_nps_targets_gaps_kano_and_themes() {
    let fx = survey();
    let records = vec![
        done(
            &fx,
            json!({"overall": 5, "recommend": 10, "exp_speed": 4, "per_speed": 5, "f_app": "love", "d_app": "hate", "complaint": "电压不稳"}),
        ),
        done(
            &fx,
            json!({"overall": 4, "recommend": 9, "exp_speed": 5, "per_speed": 3, "f_app": "love", "d_app": "neutral", "complaint": "ＶＯＬＴＡＧＥ low, 态度差"}),
        ),
        done(
            &fx,
            json!({"overall": 3, "recommend": 7, "exp_speed": 3, "per_speed": 3, "f_app": "must", "d_app": "hate", "complaint": " \u{3000} "}),
        ),
        done(
            &fx,
            json!({"overall": 1, "recommend": 3, "per_speed": 4, "f_app": "neutral", "d_app": "neutral", "complaint": "slow"}),
        ),
        done(
            &fx,
            json!({"recommend": 0, "f_app": "hate", "d_app": "love"}),
        ),
        done(&fx, json!({"f_app": "unsure", "d_app": "hate"})),
    ];
    let t = run(&fx, &records).total;

    // Top box of 5…1 with k = 2 is {5, 4}: r1, r2 of the 4 answers.
    let s = t.satisfaction.unwrap();
    assert_eq!((s.satisfied, s.base), (2, 4));
    close(s.rate, 0.5);

    // Promoters 10, 9; passive 7; detractors 3, 0: 100·(2 − 2)/5 = 0.
    let nps = t.nps.unwrap();
    assert_eq!(
        (nps.promoters, nps.passives, nps.detractors, nps.valid),
        (2, 1, 2, 5)
    );
    close(nps.nps, 0.0);

    // Gaps 5−4 = 1, 3−5 = −2, 3−3 = 0 (r4 lacks the expectation):
    // mean −1/3; deviations 4/3, −5/3, 1/3 → Σ² = 42/9 → sd √(21/9).
    let gap = &t.gaps[0];
    assert_eq!((gap.name.as_str(), gap.gap.n), ("speed", 3));
    close(gap.gap.mean, -1.0 / 3.0);
    close(gap.gap.sd, (21.0f64 / 9.0).sqrt());

    // Kano: (like, dislike) O, (like, neutral) A, (expect, dislike) M,
    // (neutral, neutral) I, (dislike, like) R; the N/A answer is left out.
    // One each: the tie goes to M. Better (A+O)/(A+O+M+I) = 2/4, Worse −2/4.
    let kano = &t.kano[0];
    assert_eq!(kano.answered, 5);
    assert_eq!(
        (
            kano.counts.must_be,
            kano.counts.one_dimensional,
            kano.counts.attractive,
            kano.counts.indifferent,
            kano.counts.reverse,
            kano.counts.questionable
        ),
        (1, 1, 1, 1, 1, 0)
    );
    assert_eq!(kano.category, Some(KanoCategory::MustBe));
    close(kano.better, 0.5);
    close(kano.worse, -0.5);

    // Non-empty comments: r1, r2, r4 (r3 is only spaces, U+3000 included).
    // Voltage: r1 (电压) and r2 (full-width ＶＯＬＴＡＧＥ) → 2/3; staff: r2 → 1/3.
    let themes: Vec<(&str, u64, u64)> = t
        .themes
        .iter()
        .map(|x| (x.name.as_str(), x.comments, x.matches))
        .collect();
    assert_eq!(themes, [("voltage", 3, 2), ("staff", 3, 1)]);
    close(t.themes[0].share, 2.0 / 3.0);

    // Targets: 0.5 < 0.8 not met; 0.5 ≥ 0.5 met; NPS 0 ≥ 0 met; no scored
    // item so no overall mean; no visit so no response rate: met is null.
    let targets: Vec<(&str, Option<bool>)> =
        t.targets.iter().map(|x| (x.name.as_str(), x.met)).collect();
    assert_eq!(
        targets,
        [
            ("完成值", Some(false)),
            ("底线", Some(true)),
            ("nps", Some(true)),
            ("score", None),
            ("reach", None)
        ]
    );
    assert_eq!(t.targets[3].value, None);
}

#[test]
fn nps_extremes() {
    let fx = survey();
    let all = |x: u32| {
        (0..4)
            .map(|_| done(&fx, json!({"recommend": x})))
            .collect::<Vec<_>>()
    };
    close(run(&fx, &all(10)).total.nps.unwrap().nps, 100.0);
    close(run(&fx, &all(6)).total.nps.unwrap().nps, -100.0);
    close(run(&fx, &all(8)).total.nps.unwrap().nps, 0.0);
    // 9 promoters, 6 detractors out of 20 → 15.
    let mut mixed: Vec<_> = (0..9).map(|_| done(&fx, json!({"recommend": 9}))).collect();
    mixed.extend((0..5).map(|_| done(&fx, json!({"recommend": 7}))));
    mixed.extend((0..6).map(|_| done(&fx, json!({"recommend": 6}))));
    close(run(&fx, &mixed).total.nps.unwrap().nps, 15.0);
    let none = run(&fx, &[done(&fx, json!({}))]).total.nps.unwrap();
    assert_eq!((none.valid, none.nps), (0, None));
}

/// The threshold rule on a number question scored 0–100.
fn threshold_survey(threshold: f64, target: f64) -> Fx {
    fixture(json!({
        "elements": [{"type": "text", "inputType": "number", "name": "score", "scored": true, "min": 0, "max": 100}],
        "scoring": {
            "satisfaction": {"threshold": threshold},
            "targets": [{"name": "rate", "metric": "satisfactionRate", "min": target},
                        {"name": "mean", "metric": "overallMean", "min": 75}]
        }
    }))
}

#[test]
fn satisfaction_by_threshold_with_tolerance() {
    let fx = threshold_survey(80.0, 2.0 / 3.0 + 3e-11);
    let records = vec![
        done(&fx, json!({"score": 80})),
        // 5e-10 below: within 1e-9, satisfied.
        done(&fx, json!({"score": 79.9999999995})),
        // 2e-9 below: not.
        done(&fx, json!({"score": 79.999999998})),
        // No overall score: not in the base.
        done(&fx, json!({})),
    ];
    let t = run(&fx, &records).total;
    let s = t.satisfaction.unwrap();
    assert_eq!((s.satisfied, s.base), (2, 3));
    // The target 2/3 + 3e-11 is met by 2/3 within 1e-9.
    assert_eq!(t.targets[0].met, Some(true));
    // Overall mean just under 80 ≥ 75.
    assert_eq!(t.targets[1].met, Some(true));
    close(
        t.targets[1].value,
        (80.0 + 79.9999999995 + 79.999999998) / 3.0,
    );
}

#[test]
fn kano_questionable_and_no_answers() {
    let fx = survey();
    let records = vec![
        done(&fx, json!({"f_app": "love", "d_app": "love"})),
        done(&fx, json!({"f_app": "hate", "d_app": "hate"})),
        done(&fx, json!({"f_app": "live", "d_app": "must"})),
    ];
    let kano = run(&fx, &records).total.kano.remove(0);
    // Q, Q, I: questionable wins; Better = 0/1, Worse = −0/1.
    assert_eq!(kano.category, Some(KanoCategory::Questionable));
    assert_eq!((kano.better, kano.worse), (Some(0.0), Some(0.0)));
    assert!(
        kano.worse.unwrap().is_sign_positive(),
        "no negative zero in reports"
    );
    let empty = run(&fx, &[done(&fx, json!({"f_app": "love"}))])
        .total
        .kano
        .remove(0);
    assert_eq!(
        (empty.answered, empty.category, empty.better, empty.worse),
        (0, None, None, None)
    );
}
