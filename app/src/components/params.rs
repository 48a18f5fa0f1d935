//! The route's parameters as the pages use them.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The route's `{id}` as a number; `None` when it is not one.
pub fn id_param() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    }
}
