//! The overview: n, response rate, overall score and grade, satisfaction
//! rate against its targets, NPS with its split, follow-ups.

use canvass_core::analysis::Metric;
use leptos::prelude::*;

use super::section;
use crate::fmt;
use crate::i18n::{Key, Locale};
use crate::session::Results;

pub fn overview(r: &Results, l: Locale) -> impl IntoView {
    let t = &r.report.total;
    let def = &r.definition.loaded;
    let grade = canvass_core::dashboard::group_grade(&def.scoring, t).unwrap_or_else(|| "—".into());
    let tile = |label: String, value: String, id: &'static str| {
        view! {
            <div class="cv-tile">
                <dt class="cv-tile__label">{label}</dt>
                <dd class="cv-tile__value" data-testid=id>{value}</dd>
            </div>
        }
    };
    let nps = t.nps.map(|n| {
        let split = format!(
            "{} {} · {} {} · {} {}",
            l.t(Key::Promoters), n.promoters, l.t(Key::Passives), n.passives, l.t(Key::Detractors), n.detractors
        );
        view! {
            <div class="cv-tile cv-tile--wide">
                <dt class="cv-tile__label">{l.t(Key::Nps)}</dt>
                <dd class="cv-tile__value" data-testid="overview-nps">{fmt::score(n.nps)}</dd>
                <dd class="cv-tile__note" data-testid="overview-nps-split">{split}</dd>
            </div>
        }
    });
    let targets = t
        .targets
        .iter()
        .map(|target| {
            let title = crate::titles::analysis(def, &target.name, l.code());
            let show = |v: Option<f64>| match target.metric {
                Metric::SatisfactionRate | Metric::ResponseRate => fmt::percent(v),
                _ => fmt::score(v),
            };
            let (class, met) = match target.met {
                Some(true) => ("cv-target cv-target--met", l.t(Key::Met)),
                Some(false) => ("cv-target cv-target--missed", l.t(Key::NotMet)),
                None => ("cv-target", "—"),
            };
            view! {
                <li class=class data-testid=format!("target-{}", target.name)>
                    {format!("{title} ≥ {}: {} — {met}", show(Some(target.min)), show(target.value))}
                </li>
            }
        })
        .collect_view();
    let rate = t.response_rate.overall;
    let body = view! {
        <dl class="cv-tiles">
            {tile(l.t(Key::N).into(), t.n.to_string(), "overview-n")}
            {tile(l.t(Key::OverallScore).into(), fmt::score(t.overall.summary.mean), "overview-score")}
            {tile(l.t(Key::Grade).into(), grade, "overview-grade")}
            {tile(l.t(Key::RawTotal).into(), fmt::score(t.raw_total.mean), "overview-total")}
            {tile(l.t(Key::SatisfactionRate).into(), fmt::percent(t.satisfaction.and_then(|s| s.rate)), "overview-satisfaction")}
            {tile(l.t(Key::ResponseRate).into(),
                if rate.households == 0 { "—".into() } else { format!("{} ({}/{})", fmt::percent(rate.rate), rate.completed, rate.households) },
                "overview-response-rate")}
            {tile(l.t(Key::FollowUps).into(), t.follow_ups.to_string(), "overview-follow-ups")}
            {nps}
        </dl>
        <ul class="cv-targets" aria-label=l.t(Key::Target)>{targets}</ul>
    }
    .into_any();
    section("overview", l.t(Key::Overview).into(), body)
}
