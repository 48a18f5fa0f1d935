//! The decision-email worker: wakes when a proposal step is announced (the
//! decision's outbox row commits with it) and on a timer for retries.

use std::time::Duration;

use app::mail::SharedMailer;
use sqlx::PgPool;
use tokio::sync::broadcast::error::RecvError;

use crate::events::ProposalEvents;

pub fn spawn(
    pool: PgPool,
    mailer: SharedMailer,
    base_url: String,
    events: &ProposalEvents,
    every: Duration,
) {
    let mut news = events.subscribe();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                woke = news.recv() => match woke {
                    Ok(_) | Err(RecvError::Lagged(_)) => {}
                    Err(RecvError::Closed) => return,
                },
            }
            match app::notification::outbox::deliver_due(&pool, mailer.as_ref(), &base_url).await {
                Ok(done) if done.failed > 0 => {
                    tracing::warn!(?done, "some decision emails wait for a retry")
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "the decision-email outbox"),
            }
        }
    });
}
