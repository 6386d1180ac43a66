//! One module per screen.
pub mod end_page;
pub mod fill_logic;
pub mod fill_page;
mod fill_parts;
pub mod home_page;
