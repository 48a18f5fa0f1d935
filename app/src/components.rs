pub mod compare_table;
pub mod form;
pub mod language_switch;
pub mod layout;
pub mod live_events;
pub mod params;
pub mod record_editor;
pub mod session;
