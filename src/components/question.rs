//! One question: its title, description, the control for its type and
//! its error message. Group controls sit in a fieldset whose legend is the
//! title; single controls get a `<label for>`; a matrix is a labelled group
//! of per-row fieldsets.

use canvass_core::survey::{Question, QuestionKind, Value};
use leptos::prelude::*;

use super::{
    boolean::BooleanChoice, choice_list::ChoiceList, comment::CommentAnswer, dropdown::Dropdown,
    matrix::MatrixGrid, ranking::RankingList, rating::RatingScale, text_answer::TextAnswer,
};
use crate::context::tr;
use crate::i18n::Key;
use crate::pages::fill_logic::survey_text;

#[component]
pub fn QuestionView(
    question: Question,
    /// A DOM-safe id unique to this question; also the container's id,
    /// which the page uses to move focus to it.
    uid: String,
    #[prop(into)] answer: Signal<Option<Value>>,
    /// The validation message shown at the question, if any.
    #[prop(into)]
    problem: Signal<Option<String>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let name = question.name.clone();
    let (input_id, err_id, desc_id) = (
        format!("{uid}-input"),
        format!("{uid}-err"),
        format!("{uid}-desc"),
    );
    let described_by = format!("{desc_id} {err_id}");
    let invalid = Signal::derive(move || problem.with(Option::is_some));
    let title = {
        let text = survey_text(&question.title);
        let required = question.is_required;
        move || {
            view! {
                {text.clone()}
                {required.then(|| view! {
                    <span class="cv-question__req" aria-hidden="true">" *"</span>
                    <span class="cv-visually-hidden">{tr(Key::RequiredMark)}</span>
                })}
            }
        }
    };
    let desc = question.description.clone().map(|d| {
        view! { <p class="cv-question__desc" id=desc_id.clone()>{survey_text(&d)}</p> }
    });
    let initial = answer.get_untracked();
    let (frame, control) = match question.kind {
        QuestionKind::RadioGroup { choices } => (
            Frame::Set,
            view! { <ChoiceList uid=uid.clone() choices multiple=false answer on_change/> }
                .into_any(),
        ),
        QuestionKind::Checkbox { choices } => (
            Frame::Set,
            view! { <ChoiceList uid=uid.clone() choices multiple=true answer on_change/> }
                .into_any(),
        ),
        QuestionKind::Rating {
            points,
            min_label,
            max_label,
        } => (
            Frame::Set,
            view! { <RatingScale uid=uid.clone() points min_label max_label answer on_change/> }
                .into_any(),
        ),
        QuestionKind::Boolean {
            label_true,
            label_false,
            ..
        } => (
            Frame::Set,
            view! { <BooleanChoice uid=uid.clone() label_true label_false answer on_change/> }
                .into_any(),
        ),
        QuestionKind::Ranking { choices } => (
            Frame::Set,
            view! { <RankingList uid=uid.clone() choices answer on_change/> }.into_any(),
        ),
        QuestionKind::Matrix { rows, columns } => (
            Frame::Group,
            view! { <MatrixGrid uid=uid.clone() rows columns answer on_change/> }.into_any(),
        ),
        QuestionKind::Dropdown { choices } => (
            Frame::Label,
            view! { <Dropdown input_id=input_id.clone() choices answer on_change/> }.into_any(),
        ),
        QuestionKind::Text {
            input_type,
            min,
            max,
            placeholder,
        } => (
            Frame::Label,
            view! {
                <TextAnswer input_id=input_id.clone() input_type min max placeholder initial
                    described_by=described_by.clone() invalid on_change/>
            }
            .into_any(),
        ),
        QuestionKind::Comment { placeholder } => (
            Frame::Label,
            view! {
                <CommentAnswer input_id=input_id.clone() placeholder initial
                    described_by=described_by.clone() invalid on_change/>
            }
            .into_any(),
        ),
        // Read-only: shows the value the logic computed (given as the
        // answer by the page).
        QuestionKind::Expression { .. } => (
            Frame::Label,
            view! {
                <output id=input_id.clone() class="cv-question__output">
                    {move || match answer.get() {
                        Some(Value::String(s)) => s,
                        Some(Value::Null) | None => String::new(),
                        Some(other) => other.to_string(),
                    }}
                </output>
            }
            .into_any(),
        ),
        _ => (Frame::Label, view! { <p>"TODO"</p> }.into_any()),
    };
    let body = match frame {
        Frame::Set => view! {
            <fieldset class="cv-question__set" aria-describedby=described_by>
                <legend class="cv-question__title">{title}</legend>
                {desc}
                {control}
            </fieldset>
        }
        .into_any(),
        Frame::Label => view! {
            <label class="cv-question__title" for=input_id>{title}</label>
            {desc}
            {control}
        }
        .into_any(),
        Frame::Group => {
            let title_id = format!("{uid}-title");
            let labelled_by = title_id.clone();
            view! {
                <div role="group" aria-labelledby=labelled_by aria-describedby=described_by>
                    <p class="cv-question__title" id=title_id>{title}</p>
                    {desc}
                    {control}
                </div>
            }
            .into_any()
        }
    };
    let class = move || {
        if invalid.get() {
            "cv-question cv-question--invalid"
        } else {
            "cv-question"
        }
    };
    let error_testid = format!("error-{name}");
    view! {
        <div class=class id=uid data-testid=format!("question-{name}")>
            {body}
            {move || problem.get().map(|p| view! {
                <p class="cv-question__error" id=err_id.clone() data-testid=error_testid.clone() role="alert">
                    {p}
                </p>
            })}
        </div>
    }
}

/// How a control is labelled.
enum Frame {
    /// A fieldset with the title as legend (radio and checkbox groups).
    Set,
    /// A `<label for>` (select, input, textarea).
    Label,
    /// A group labelled by the title (matrix: fieldsets inside).
    Group,
}
