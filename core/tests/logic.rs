//! Tests of survey logic (`canvass_core::logic`) through `canvass_core::load`:
//! one module per concern.

#[path = "logic/aggregate.rs"]
mod aggregate;
#[path = "logic/docs.rs"]
mod docs;
#[path = "logic/errors.rs"]
mod errors;
#[path = "logic/navigation.rs"]
mod navigation;
#[path = "logic/piping.rs"]
mod piping;
#[path = "logic/props.rs"]
mod props;
#[path = "logic/sample.rs"]
mod sample;
#[path = "logic/support.rs"]
mod support;
#[path = "logic/validation.rs"]
mod validation;
#[path = "logic/values.rs"]
mod values;
#[path = "logic/visibility.rs"]
mod visibility;
