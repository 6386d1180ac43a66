//! Reusable pieces, one public component per file.
pub mod boolean;
pub mod choice_list;
pub mod comment;
pub mod dropdown;
pub mod lang_toggle;
pub mod matrix;
pub mod progress;
pub mod question;
pub mod ranking;
pub mod rating;
pub mod save_indicator;
pub mod storage_banner;
pub mod storage_status;
pub mod survey_card;
pub mod survey_loader;
pub mod text_answer;
pub mod update_bar;
