//! Importance–performance, Kano, expectation gaps, themes and the
//! follow-up list.

use canvass_core::aggregate::kano::KanoCategory;
use canvass_core::aggregate::Quadrant;
use canvass_core::scoring::FollowUpReason;
use leptos::prelude::*;

use super::{data_table_caption, section, table};
use crate::charts::bar::{bar_chart, Bar};
use crate::charts::quadrant::{quadrant_chart, Point};
use crate::fmt;
use crate::i18n::{Key, Locale};
use crate::session::Results;
use crate::titles;

/// How many follow-ups are listed on the page; all are in the downloads.
const FOLLOW_UPS_SHOWN: usize = 200;

fn quadrant_name(q: Option<Quadrant>, l: Locale) -> &'static str {
    match q {
        Some(Quadrant::ImproveFirst) => l.t(Key::ImproveFirst),
        Some(Quadrant::KeepUp) => l.t(Key::KeepUp),
        Some(Quadrant::PossibleOverkill) => l.t(Key::PossibleOverkill),
        Some(Quadrant::LowPriority) => l.t(Key::LowPriority),
        None => "—",
    }
}

pub fn ipa(r: &Results, l: Locale) -> impl IntoView {
    let def = &r.definition.loaded;
    let entries = &r.report.total.importance;
    if entries.is_empty() {
        return None;
    }
    let both: Vec<(f64, f64)> = entries.iter().filter_map(|e| Some((e.performance?, e.importance?))).collect();
    let chart = (!both.is_empty()).then(|| {
        let n = both.len() as f64;
        let split = (both.iter().map(|b| b.0).sum::<f64>() / n, both.iter().map(|b| b.1).sum::<f64>() / n);
        let points = entries
            .iter()
            .filter_map(|e| {
                Some(Point {
                    label: titles::indicator(def, &e.indicator, l.code()),
                    performance: e.performance?,
                    importance: e.importance?,
                    improve_first: e.quadrant == Some(Quadrant::ImproveFirst),
                })
            })
            .collect();
        let labels = [l.t(Key::ImproveFirst), l.t(Key::KeepUp), l.t(Key::PossibleOverkill), l.t(Key::LowPriority)];
        quadrant_chart(points, split, labels)
    });
    let rows = entries
        .iter()
        .map(|e| {
            let q = quadrant_name(e.quadrant, l);
            let q = if e.quadrant == Some(Quadrant::ImproveFirst) { format!("★ {q}") } else { q.to_owned() };
            vec![
                titles::indicator(def, &e.indicator, l.code()),
                fmt::ratio(e.importance),
                fmt::score(e.performance),
                e.pairs.to_string(),
                q,
            ]
        })
        .collect();
    let header = vec![
        l.t(Key::Indicator).into(),
        l.t(Key::Importance).into(),
        l.t(Key::Performance).into(),
        l.t(Key::Pairs).into(),
        l.t(Key::Quadrant).into(),
    ];
    let body = view! {
        <figure class="cv-figure">
            {chart}
            <figcaption>{table(data_table_caption(l, Key::Ipa), header, rows, "table-ipa")}</figcaption>
        </figure>
    }
    .into_any();
    Some(section("ipa", l.t(Key::Ipa).into(), body))
}

fn kano_name(c: Option<KanoCategory>, l: Locale) -> &'static str {
    match c {
        Some(KanoCategory::MustBe) => l.t(Key::MustBe),
        Some(KanoCategory::OneDimensional) => l.t(Key::OneDimensional),
        Some(KanoCategory::Attractive) => l.t(Key::Attractive),
        Some(KanoCategory::Indifferent) => l.t(Key::Indifferent),
        Some(KanoCategory::Reverse) => l.t(Key::Reverse),
        Some(_) => l.t(Key::Questionable),
        None => "—",
    }
}

pub fn kano(r: &Results, l: Locale) -> impl IntoView {
    let def = &r.definition.loaded;
    let k = &r.report.total.kano;
    if k.is_empty() {
        return None;
    }
    let rows = k
        .iter()
        .map(|p| {
            let c = &p.counts;
            vec![
                titles::analysis(def, &p.name, l.code()),
                kano_name(p.category, l).to_owned(),
                format!("{}/{}/{}/{}/{}/{}", c.must_be, c.one_dimensional, c.attractive, c.indifferent, c.reverse, c.questionable),
                p.answered.to_string(),
                fmt::ratio(p.better),
                fmt::ratio(p.worse),
            ]
        })
        .collect();
    let header = vec![
        l.t(Key::Kano).into(),
        l.t(Key::Category).into(),
        "M/O/A/I/R/Q".into(),
        l.t(Key::Answered).into(),
        l.t(Key::Better).into(),
        l.t(Key::Worse).into(),
    ];
    Some(section("kano", l.t(Key::Kano).into(), table(l.t(Key::Kano).into(), header, rows, "table-kano").into_any()))
}

pub fn gaps(r: &Results, l: Locale) -> impl IntoView {
    let def = &r.definition.loaded;
    let g = &r.report.total.gaps;
    if g.is_empty() {
        return None;
    }
    let rows = g
        .iter()
        .map(|p| vec![titles::analysis(def, &p.name, l.code()), fmt::signed(p.gap.mean), fmt::score(p.gap.sd), p.gap.n.to_string()])
        .collect();
    let header = vec![l.t(Key::Gap).into(), l.t(Key::Mean).into(), l.t(Key::Sd).into(), "n".into()];
    Some(section("gaps", l.t(Key::Gaps).into(), table(l.t(Key::Gaps).into(), header, rows, "table-gaps").into_any()))
}

pub fn themes(r: &Results, l: Locale) -> impl IntoView {
    let def = &r.definition.loaded;
    let th = &r.report.total.themes;
    if th.is_empty() {
        return None;
    }
    let bars = th
        .iter()
        .map(|t| Bar { label: titles::analysis(def, &t.name, l.code()), value: t.share, strong: false })
        .collect();
    let rows = th
        .iter()
        .map(|t| vec![titles::analysis(def, &t.name, l.code()), t.matches.to_string(), t.comments.to_string(), fmt::percent(t.share)])
        .collect();
    let header = vec![l.t(Key::Theme).into(), l.t(Key::Matches).into(), l.t(Key::Comments).into(), l.t(Key::Share).into()];
    let body = view! {
        <figure class="cv-figure">
            {bar_chart(bars, 1.0, fmt::percent, "chart-themes")}
            <figcaption>{table(data_table_caption(l, Key::Themes), header, rows, "table-themes")}</figcaption>
        </figure>
    }
    .into_any();
    Some(section("themes", l.t(Key::Themes).into(), body))
}

pub fn follow_ups(r: &Results, l: Locale) -> impl IntoView {
    let def = &r.definition.loaded;
    let list = &r.report.follow_ups;
    let reason = |x: &FollowUpReason| match x {
        FollowUpReason::BottomBox { item } => format!("{}{}", l.t(Key::BottomBoxReason), titles::item(def, item, l.code())),
        FollowUpReason::LowestGrade { grade } => format!("{}{grade}", l.t(Key::LowestGradeReason)),
        FollowUpReason::Condition { name } => format!("{}{name}", l.t(Key::ConditionReason)),
    };
    // Without a visit record the interviewer is the response's metadata.
    let shown: std::collections::HashSet<uuid::Uuid> = list.iter().take(FOLLOW_UPS_SHOWN).map(|f| f.response).collect();
    let meta_interviewer: std::collections::HashMap<uuid::Uuid, String> = crate::session::use_session().outcome.with_untracked(|o| {
        o.as_ref()
            .and_then(|o| o.merged.as_ref())
            .map(|m| {
                m.records
                    .iter()
                    .filter(|r| shown.contains(&r.id))
                    .filter_map(|r| Some((r.id, r.meta.get("interviewer")?.clone())))
                    .collect()
            })
            .unwrap_or_default()
    });
    let rows = list
        .iter()
        .take(FOLLOW_UPS_SHOWN)
        .map(|f| {
            vec![
                f.response.to_string(),
                f.completed_at.clone().unwrap_or_default(),
                f.interviewer.clone().or_else(|| meta_interviewer.get(&f.response).cloned()).unwrap_or_default(),
                f.household.clone().unwrap_or_default(),
                fmt::score(f.overall),
                f.grade.clone().unwrap_or_default(),
                f.reasons.iter().map(reason).collect::<Vec<_>>().join("; "),
            ]
        })
        .collect();
    let more = list.len().saturating_sub(FOLLOW_UPS_SHOWN);
    let header = vec![
        l.t(Key::Response).into(),
        l.t(Key::CompletedAt).into(),
        l.t(Key::Interviewer).into(),
        l.t(Key::Household).into(),
        l.t(Key::OverallScore).into(),
        l.t(Key::Grade).into(),
        l.t(Key::Reasons).into(),
    ];
    let invalid = &r.report.invalid;
    let invalid = (!invalid.is_empty()).then(|| {
        view! {
            <h3>{l.t(Key::Invalid)}</h3>
            <ul data-testid="invalid-list">
                {invalid.iter().take(FOLLOW_UPS_SHOWN).map(|i| view! { <li>{i.message.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    let body = view! {
        {table(format!("{} ({})", l.t(Key::FollowUpList), list.len()), header, rows, "table-follow-ups")}
        {(more > 0).then(|| view! { <p>{format!("{more} {}", l.t(Key::MoreInCsv))}</p> })}
        {invalid}
    }
    .into_any();
    section("follow-ups", l.t(Key::FollowUpList).into(), body)
}
