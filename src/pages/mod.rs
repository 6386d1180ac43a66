//! One module per screen.
pub mod end_page;
pub mod fill_logic;
pub mod fill_page;
mod fill_parts;
pub mod home_page;
pub mod staff_page;
pub mod visit_page;
pub mod visits_page;
pub mod responses_page;
pub mod followups_page;
