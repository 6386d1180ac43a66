//! The report's controls: segment and period, the downloads (CSV with BOM,
//! XLSX, merged JSON) and printing. In print, the chosen filters are shown
//! as text in the report header instead.

use canvass_core::aggregate::{AggregateOptions, Period, Segment};
use canvass_core::export::{Export, ExportedSurvey};
use canvass_core::logic::{Env, ResponseLogic};
use canvass_core::survey::QuestionKind;
use leptos::prelude::*;

use crate::i18n::{Key, Locale};
use crate::session::{use_locale, use_session, Results};

/// The choice questions a report can be split by.
fn segment_questions(r: &Results) -> Vec<String> {
    r.definition
        .loaded
        .survey
        .questions()
        .into_iter()
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::RadioGroup { .. }
                    | QuestionKind::Dropdown { .. }
                    | QuestionKind::Checkbox { .. }
                    | QuestionKind::Rating { .. }
                    | QuestionKind::Boolean { .. }
            )
        })
        .map(|q| q.name.clone())
        .collect()
}

fn encode(s: &Option<Segment>) -> String {
    match s {
        None => String::new(),
        Some(Segment::Question(q)) => format!("q:{q}"),
        Some(Segment::Meta(m)) => format!("m:{m}"),
    }
}

fn decode(v: &str) -> Option<Segment> {
    v.strip_prefix("q:")
        .map(|q| Segment::Question(q.into()))
        .or_else(|| v.strip_prefix("m:").map(|m| Segment::Meta(m.into())))
}

/// A text describing the grouping, for the printed header.
pub fn filters_text(options: &AggregateOptions, r: &Results, l: Locale) -> String {
    let seg = match &options.by {
        None => l.t(Key::NoSegment).to_owned(),
        Some(Segment::Question(q)) => crate::titles::question(&r.definition.loaded, q, l.code()),
        Some(Segment::Meta(m)) => format!("{}: {m}", l.t(Key::Metadata)),
    };
    let per = match options.period {
        None => l.t(Key::NoPeriod),
        Some(Period::Month) => l.t(Key::Month),
        Some(Period::Quarter) => l.t(Key::Quarter),
        Some(Period::Year) => l.t(Key::Year),
    };
    format!("{}: {seg} · {}: {per}", l.t(Key::SegmentBy), l.t(Key::PeriodBy))
}

fn file_stem(r: &Results) -> String {
    let s = &r.definition.loaded.survey;
    format!("{}-v{}", s.id, s.version)
}

/// Builds and downloads the CSV (UTF-8 with BOM) or the XLSX.
fn download_table(xlsx: bool, l: Locale) -> Result<(), String> {
    let session = use_session();
    let Some(Ok(r)) = session.results.get_untracked() else { return Ok(()) };
    session.outcome.with_untracked(|o| {
        let Some(m) = o.as_ref().and_then(|o| o.merged.as_ref()) else { return Ok(()) };
        let def = &r.definition.loaded;
        let logic = ResponseLogic::new(&def.logic, Env::new(crate::download::today(), "default"));
        let scored = canvass_core::table::score_records(&def.scoring, &m.records, &logic);
        let table = canvass_core::table::responses_table(&def.scoring, scored);
        if xlsx {
            let bytes = crate::xlsx::workbook(&table, &r, l.code()).map_err(|e| e.to_string())?;
            canvass::download::download_bytes(
                &format!("{}.xlsx", file_stem(&r)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &bytes,
            )
            .map_err(|e| e.to_string())
        } else {
            let text = format!("{}{}", canvass_core::csv::BOM, table.to_csv());
            canvass::download::download_text(&format!("{}.csv", file_stem(&r)), "text/csv;charset=utf-8", &text)
                .map_err(|e| e.to_string())
        }
    })
}

/// Downloads the merged set as one canvass-export file.
fn download_merged() -> Result<(), String> {
    let session = use_session();
    let Some(Ok(r)) = session.results.get_untracked() else { return Ok(()) };
    session.outcome.with_untracked(|o| {
        let Some(m) = o.as_ref().and_then(|o| o.merged.as_ref()) else { return Ok(()) };
        let survey = ExportedSurvey { identity: m.survey.clone(), title: r.definition.loaded.survey.title.clone() };
        let export = Export::new(survey, m.records.clone(), crate::download::now_rfc3339())
            .with_field_data(m.paradata.clone(), m.follow_ups.clone());
        canvass::download::download_json(&format!("{}-merged.json", file_stem(&r)), &export.to_json())
            .map_err(|e| e.to_string())
    })
}

#[component]
pub fn Toolbar(results: Results) -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let l = locale.get_untracked();
    let error = RwSignal::new(None::<String>);
    let run = move |f: Box<dyn Fn() -> Result<(), String>>| {
        error.set(f().err().map(|e| format!("{}: {e}", locale.get_untracked().t(Key::DownloadFailed))));
    };
    let options = session.options.get_untracked();
    let current = encode(&options.by);
    let questions = segment_questions(&results)
        .into_iter()
        .map(|name| {
            let v = format!("q:{name}");
            let selected = v == current;
            let title = crate::titles::question(&results.definition.loaded, &name, l.code());
            view! { <option value=v selected=selected>{format!("{}: {title}", l.t(Key::Question))}</option> }
        })
        .collect_view();
    let metas = results
        .meta_keys
        .iter()
        .map(|k| {
            let v = format!("m:{k}");
            let selected = v == current;
            view! { <option value=v selected=selected>{format!("{}: {k}", l.t(Key::Metadata))}</option> }
        })
        .collect_view();
    let period = options.period;
    let on_segment = move |ev: leptos::ev::Event| {
        let mut o = session.options.get_untracked();
        o.by = decode(&event_target_value(&ev));
        session.set_options(o);
    };
    let on_period = move |ev: leptos::ev::Event| {
        let mut o = session.options.get_untracked();
        o.period = match event_target_value(&ev).as_str() {
            "month" => Some(Period::Month),
            "quarter" => Some(Period::Quarter),
            "year" => Some(Period::Year),
            _ => None,
        };
        session.set_options(o);
    };
    view! {
        <div class="cv-toolbar" data-testid="toolbar">
            <div class="cv-toolbar__filters">
                <label class="cv-field">
                    <span>{l.t(Key::SegmentBy)}</span>
                    <select data-testid="segment-select" on:change=on_segment>
                        <option value="" selected=current.is_empty()>{l.t(Key::NoSegment)}</option>
                        {questions}
                        {metas}
                    </select>
                </label>
                <label class="cv-field">
                    <span>{l.t(Key::PeriodBy)}</span>
                    <select data-testid="period-select" on:change=on_period>
                        <option value="" selected=period.is_none()>{l.t(Key::NoPeriod)}</option>
                        <option value="month" selected=period == Some(Period::Month)>{l.t(Key::Month)}</option>
                        <option value="quarter" selected=period == Some(Period::Quarter)>{l.t(Key::Quarter)}</option>
                        <option value="year" selected=period == Some(Period::Year)>{l.t(Key::Year)}</option>
                    </select>
                </label>
            </div>
            <div class="cv-toolbar__actions">
                <button type="button" class="cv-button" data-testid="download-csv"
                    on:click=move |_| run(Box::new(move || download_table(false, locale.get_untracked())))>{l.t(Key::DownloadCsv)}</button>
                <button type="button" class="cv-button" data-testid="download-xlsx"
                    on:click=move |_| run(Box::new(move || download_table(true, locale.get_untracked())))>{l.t(Key::DownloadXlsx)}</button>
                <button type="button" class="cv-button cv-button--ghost" data-testid="export-merged"
                    on:click=move |_| run(Box::new(download_merged))>{l.t(Key::ExportMerged)}</button>
                <button type="button" class="cv-button cv-button--ghost" data-testid="print"
                    on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{l.t(Key::Print)}</button>
            </div>
            <p class="cv-errors" role="alert">{move || error.get()}</p>
        </div>
    }
}
