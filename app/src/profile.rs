//! An employee's profile: Data Personal and every history, read as one typed
//! value (`Profil`) that the server renders and the browser hydrates.

mod load;
mod model;
#[cfg(feature = "ssr")]
pub mod store;

pub use load::load_profil;
pub use model::Profil;
