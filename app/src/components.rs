pub mod language_switch;
pub mod layout;
