//! One question: its title, description, the control for its type and
//! its error message. Group controls sit in a fieldset whose legend is the
//! title; single controls get a `<label for>`; a matrix is a labelled group
//! of per-row fieldsets.

use canvass_core::survey::{shuffled_order, Choice, Question, QuestionKind, Value};
use leptos::prelude::*;

use super::{
    boolean::BooleanChoice, choice_list::ChoiceList, comment::CommentAnswer, dropdown::Dropdown,
    file_answer::FileAnswer, html_content::HtmlContent, image_picker::ImagePicker, matrix::MatrixGrid,
    ranking::RankingList, rating::RatingScale, signature_pad::SignaturePad,
    sub_answers::{DynamicRows, MatrixDropdownGrid, MultipleTextGroup},
    tagbox::TagBox, text_answer::TextAnswer,
};
use crate::context::{localized, tr};
use crate::i18n::Key;
use crate::pages::fill_logic::{survey_text, FillLogic};

/// The `<name>-Comment` answer (other text, comment box) and its setter.
#[derive(Clone, Copy)]
pub struct CommentBinding {
    pub value: Signal<Option<Value>>,
    pub on_change: Callback<Option<Value>>,
}

/// `choicesOrder: "random"`: the choices in the order fixed for this
/// response (the none/other items stay last, as SurveyJS keeps them).
fn ordered(mut question: Question) -> Question {
    if !question.random_order {
        return question;
    }
    let seed = use_context::<FillLogic>()
        .map(|l| l.draft.with_untracked(|d| d.response.id.to_string()))
        .unwrap_or_default();
    let shuffle = |choices: &mut Vec<Choice>| {
        let special = |c: &Choice| matches!(c.value.as_str(), Some("none" | "other"));
        let (plain, rest): (Vec<Choice>, Vec<Choice>) = choices.drain(..).partition(|c| !special(c));
        let order = shuffled_order(&format!("{seed}/{}", question.name), plain.len());
        choices.extend(order.into_iter().map(|i| plain[i].clone()));
        choices.extend(rest);
    };
    match &mut question.kind {
        QuestionKind::RadioGroup { choices }
        | QuestionKind::Checkbox { choices }
        | QuestionKind::Dropdown { choices }
        | QuestionKind::Tagbox { choices } => shuffle(choices),
        _ => {}
    }
    question
}

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
    /// Where the other text or comment box is stored, when the question
    /// has one (`hasOther`, `hasComment`).
    #[prop(default = None)]
    comment: Option<CommentBinding>,
) -> AnyView {
    let question = ordered(question);
    let name = question.name.clone();
    let extra = comment_parts(&question, &uid, answer, comment);
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
        QuestionKind::Html { html } => (Frame::Plain, view! { <HtmlContent html/> }.into_any()),
        QuestionKind::Image { link, alt } => {
            let alt = alt.map(|a| localized(&a)).unwrap_or_default();
            (Frame::Plain, view! { <img class="cv-image" src=link alt=alt loading="lazy"/> }.into_any())
        }
        QuestionKind::Tagbox { choices } => (
            Frame::Label,
            view! { <TagBox uid=uid.clone() input_id=input_id.clone() choices answer on_change/> }.into_any(),
        ),
        QuestionKind::ImagePicker { choices, images, multi_select } => (
            Frame::Set,
            view! { <ImagePicker uid=uid.clone() choices images multiple=multi_select answer on_change/> }
                .into_any(),
        ),
        QuestionKind::MultipleText { items } => (
            Frame::Group,
            view! { <MultipleTextGroup uid=uid.clone() owner=name.clone() items answer on_change/> }.into_any(),
        ),
        QuestionKind::MatrixDropdown { rows, columns } => (
            Frame::Group,
            view! { <MatrixDropdownGrid uid=uid.clone() owner=name.clone() rows columns answer on_change/> }.into_any(),
        ),
        QuestionKind::MatrixDynamic { columns, row_count, min_rows, max_rows } => (
            Frame::Group,
            view! {
                <DynamicRows uid=uid.clone() owner=name.clone() parts_of=columns initial=row_count min=min_rows max=max_rows
                    panels=false answer on_change/>
            }
            .into_any(),
        ),
        QuestionKind::PanelDynamic { template, panel_count, min_panels, max_panels } => (
            Frame::Group,
            view! {
                <DynamicRows uid=uid.clone() owner=name.clone() parts_of=template initial=panel_count min=min_panels max=max_panels
                    panels=true answer on_change/>
            }
            .into_any(),
        ),
        QuestionKind::SignaturePad { width, height } => (
            Frame::Label,
            view! { <SignaturePad input_id=input_id.clone() width height answer on_change/> }.into_any(),
        ),
        QuestionKind::File { source, multiple, max_size, accepted_types, image } => (
            Frame::Label,
            view! {
                <FileAnswer input_id=input_id.clone() question=name.clone() source multiple max_size
                    accepted_types image answer on_change/>
            }
            .into_any(),
        ),
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
        Frame::Plain => view! {
            {(!question.title.is_empty() && question.title.get("default") != name).then(|| {
                view! { <p class="cv-question__title">{title()}</p> }
            })}
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
            {extra}
            {move || problem.get().map(|p| view! {
                <p class="cv-question__error" id=err_id.clone() data-testid=error_testid.clone() role="alert">
                    {p}
                </p>
            })}
        </div>
    }
    .into_any()
}

/// The other text (shown while the other choice is chosen) and the
/// comment box, both stored under `<name>-Comment`.
fn comment_parts(
    question: &Question,
    uid: &str,
    answer: Signal<Option<Value>>,
    comment: Option<CommentBinding>,
) -> Option<AnyView> {
    let binding = comment?;
    let id = format!("{uid}-comment");
    let input = move |id: String| {
        let initial = binding.value.get_untracked().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        view! {
            <textarea class="cv-input" id=id rows="2" data-testid="comment-input" prop:value=initial
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    binding.on_change.run((!text.trim().is_empty()).then_some(Value::String(text)));
                }/>
        }
    };
    if let Some(title) = question.comment.clone() {
        let label_for = id.clone();
        return Some(
            view! {
                <div class="cv-question__comment">
                    <label class="cv-question__sublabel" for=label_for>{survey_text(&title)}</label>
                    {input(id)}
                </div>
            }
            .into_any(),
        );
    }
    if !question.has_other {
        return None;
    }
    let other_chosen = move || {
        answer.with(|a| match a {
            Some(Value::Array(l)) => l.iter().any(|v| v.as_str() == Some("other")),
            Some(v) => v.as_str() == Some("other"),
            None => false,
        })
    };
    Some(
        (move || {
            other_chosen().then(|| {
                let id = id.clone();
                view! {
                    <div class="cv-question__comment">
                        <label class="cv-question__sublabel" for=id.clone()>{tr(Key::OtherText)}</label>
                        {input(id)}
                    </div>
                }
            })
        })
        .into_any(),
    )
}

/// How a control is labelled.
enum Frame {
    /// A fieldset with the title as legend (radio and checkbox groups).
    Set,
    /// A `<label for>` (select, input, textarea).
    Label,
    /// A group labelled by the title (matrix: fieldsets inside).
    Group,
    /// Content, not a control (html, image): the title only when the
    /// survey gave one.
    Plain,
}
