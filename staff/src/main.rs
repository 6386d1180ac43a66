//! The staff bundle's entry (`/staff/`, docs/FIELD.md): the app crate's
//! staff root, nothing else; the respondent's pages are not compiled in.
fn main() {
    canvass::mount_staff();
}
