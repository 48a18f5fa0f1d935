pub mod form;
pub mod language_switch;
pub mod layout;
pub mod session;
