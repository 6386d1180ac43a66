//! A matrix question laid out for phones: each row is its own fieldset of
//! radios (no wide table). The answer is `{rowKey: columnValue}`.

use canvass_core::survey::{value_key, Choice, MatrixRow, Value};
use leptos::prelude::*;

use crate::pages::fill_logic::survey_text;

#[component]
pub fn MatrixGrid(
    uid: String,
    rows: Vec<MatrixRow>,
    columns: Vec<Choice>,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    rows.into_iter()
        .enumerate()
        .map(|(r, row)| {
            let row_key = row.key();
            let name = format!("{uid}-r{r}");
            let cells = columns
                .iter()
                .enumerate()
                .map(|(c, column)| {
                    let key = value_key(&column.value);
                    let id = format!("{name}-c{c}");
                    let checked = {
                        let (row_key, key) = (row_key.clone(), key.clone());
                        move || {
                            answer.with(|a| {
                                a.as_ref()
                                    .and_then(|a| a.get(&row_key))
                                    .is_some_and(|v| value_key(v) == key)
                            })
                        }
                    };
                    let (row_key, value) = (row_key.clone(), column.value.clone());
                    let change = move |_| {
                        let mut map = match answer.get_untracked() {
                            Some(Value::Object(m)) => m,
                            _ => Default::default(),
                        };
                        map.insert(row_key.clone(), value.clone());
                        on_change.run(Some(Value::Object(map)));
                    };
                    let label_for = id.clone();
                    let class = if column.not_applicable {
                        "cv-choice cv-choice--na cv-matrix__cell"
                    } else {
                        "cv-choice cv-matrix__cell"
                    };
                    view! {
                        <label class=class for=label_for>
                            <input
                                class="cv-choice__input"
                                type="radio"
                                id=id
                                name=name.clone()
                                value=key
                                prop:checked=checked
                                on:change=change
                            />
                            <span class="cv-choice__text">{survey_text(&column.text)}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="cv-matrix__row" data-row=row_key.clone()>
                    <legend class="cv-matrix__legend">{survey_text(&row.text)}</legend>
                    <div class="cv-matrix__cells">{cells}</div>
                </fieldset>
            }
        })
        .collect_view()
}
