//! Live proposal updates. Every app server listens to PostgreSQL's
//! `usulan_peristiwa` channel (the table's trigger notifies at commit, whichever
//! server or job wrote the step) and fans the news out to its own browsers over
//! server-sent events. A notification is only a wake-up: what is sent is read from
//! the table after the last id the browser has, so a reconnect (which sends
//! `Last-Event-ID`) or a notification lost while the listener reconnected misses
//! nothing.

use std::{collections::VecDeque, convert::Infallible, sync::Arc, time::Duration};

use axum::{
    extract::{Query, State},
    http::HeaderMap,
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
    routing::get,
    Router,
};
use serde::{Deserialize, Serialize};
use sqlx::{postgres::PgListener, PgPool};
use tokio::sync::broadcast;
use tower_sessions::{session::Id, Session};
use tower_sessions_sqlx_store::PostgresStore;

use app::auth::access::Placement;
use app::auth::session::{current, CurrentUser};
use app::auth::settings::AuthSettings;
use app::edge::error::AppError;

use crate::signed_in::{refusal, signed_in};
use app::proposal::store::{events_after, last_event_id};
use app::proposal::submission::TimelineEntry;

pub const CHANNEL: &str = "usulan_peristiwa";

/// Whose timeline grew, and where they sit (the notification's payload).
#[derive(Clone, Copy, Debug, Deserialize)]
pub struct Pointer {
    pub id: i64,
    pub pegawai_id: i64,
    #[serde(default)]
    pub usulan_id: i64,
    #[serde(default)]
    pub unit_kerja_id: Option<i64>,
    #[serde(default)]
    pub instansi_id: Option<i32>,
    #[serde(default)]
    pub kanreg_id: Option<i16>,
}

impl Pointer {
    fn placement(&self) -> Option<Placement> {
        Some(Placement {
            unit_kerja_id: self.unit_kerja_id?,
            instansi_id: self.instansi_id?,
            kanreg_id: self.kanreg_id?,
        })
    }
}

#[derive(Clone)]
pub struct ProposalEvents {
    pool: PgPool,
    settings: AuthSettings,
    news: broadcast::Sender<Pointer>,
    sessions: PostgresStore,
}

impl ProposalEvents {
    /// Starts this process's listener. It reconnects by itself; while it is away,
    /// every open stream re-reads its table anyway (see `stream`).
    pub fn start(pool: PgPool, settings: AuthSettings, sessions: PostgresStore) -> Self {
        let (news, _) = broadcast::channel(1024);
        let sender = news.clone();
        let listen_pool = pool.clone();
        tokio::spawn(async move {
            loop {
                if let Err(e) = listen(&listen_pool, &sender).await {
                    tracing::warn!(error = %e, "proposal event listener stopped; reconnecting");
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
        Self {
            pool,
            settings,
            news,
            sessions,
        }
    }
}

impl ProposalEvents {
    /// The sign-in a stream opened under, to ask again later.
    fn sign_in(&self, session: &Session, me: i64) -> SignIn {
        SignIn {
            id: session.id(),
            store: Arc::new(self.sessions.clone()),
            pool: self.pool.clone(),
            settings: self.settings.clone(),
            me,
        }
    }

    /// Every step announced from now on, for workers of this process.
    pub fn subscribe(&self) -> broadcast::Receiver<Pointer> {
        self.news.subscribe()
    }
}

/// The sign-in a stream began under, asked of the session store each time: the
/// request's own copy of the session was loaded when the stream opened, so it would
/// outlive a sign-out (which deletes the stored session) and the idle limit (the copy
/// only knows the activity before the stream). Read fresh and never saved back: a
/// stream that stays open is not the user being active.
struct SignIn {
    id: Option<Id>,
    store: Arc<PostgresStore>,
    pool: PgPool,
    settings: AuthSettings,
    me: i64,
}

impl SignIn {
    /// The same person, still signed in; None once the sign-in is over (signed
    /// out, idle or absolute limit, "log out everywhere", password changed).
    async fn current(&self) -> Option<CurrentUser> {
        let fresh = Session::new(Some(self.id?), self.store.clone(), None);
        match current(&fresh, &self.pool, &self.settings).await {
            Ok(Some(user)) if user.principal.pegawai_id == self.me => Some(user),
            _ => None,
        }
    }
}

async fn listen(pool: &PgPool, news: &broadcast::Sender<Pointer>) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    loop {
        let notification = listener.recv().await?;
        match serde_json::from_str::<Pointer>(notification.payload()) {
            // Nobody listening is fine: no browser of this server is interested.
            Ok(pointer) => {
                let _ = news.send(pointer);
            }
            Err(e) => tracing::warn!(error = %e, "an unreadable proposal notification"),
        }
    }
}

pub fn routes(events: Arc<ProposalEvents>) -> Router {
    Router::new()
        .route("/api/usulan/peristiwa", get(stream))
        .route("/api/verifikasi/peristiwa", get(queue_stream))
        .with_state(events)
}

#[derive(Deserialize)]
struct Since {
    /// The last step the page already shows (its list came with ids).
    setelah: Option<i64>,
}

/// What each event carries.
#[derive(Serialize)]
struct Step<'a> {
    usulan_id: i64,
    #[serde(flatten)]
    entry: &'a TimelineEntry,
}

/// How often a stream re-reads its table without being woken (a safety net for
/// notifications lost while the listener was reconnecting).
const SWEEP: Duration = Duration::from_secs(15);

/// Where one browser's stream stands.
struct Cursor {
    pool: PgPool,
    me: i64,
    /// The last step sent.
    last: i64,
    news: broadcast::Receiver<Pointer>,
    queue: VecDeque<Event>,
    /// The table may hold steps not yet sent.
    stale: bool,
    /// Asked again at each sweep: the stream ends with the sign-in it began under.
    sign_in: SignIn,
}

impl Cursor {
    async fn read(&mut self) {
        match events_after(&self.pool, self.me, self.last).await {
            Ok(steps) => {
                for (usulan_id, entry) in &steps {
                    self.last = entry.id;
                    let data = serde_json::to_string(&Step {
                        usulan_id: *usulan_id,
                        entry,
                    })
                    .unwrap_or_default();
                    self.queue.push_back(
                        Event::default()
                            .id(entry.id.to_string())
                            .event("usulan")
                            .data(data),
                    );
                }
                // A full page: there may be more right behind it.
                self.stale = steps.len() == 500;
            }
            Err(e) => tracing::warn!(error = %e, "reading proposal events"),
        }
    }

    /// Sleeps until this employee's timeline may have grown (their notification, a
    /// lag, or the sweep): Some(true). None when the stream should end (the server
    /// is shutting down, or the sign-in is over).
    async fn wait(&mut self) -> Option<bool> {
        let (me, last) = (self.me, self.last);
        let news = &mut self.news;
        let woken = tokio::time::timeout(SWEEP, async move {
            loop {
                match news.recv().await {
                    Ok(p) if p.pegawai_id == me && p.id > last => return Some(true),
                    Ok(_) => continue,
                    Err(broadcast::error::RecvError::Lagged(_)) => return Some(true),
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        })
        .await;
        match woken {
            Ok(news) => news,
            Err(_sweep) => self.sign_in.current().await.is_some().then_some(true),
        }
    }
}

async fn stream(
    State(events): State<Arc<ProposalEvents>>,
    session: Session,
    headers: HeaderMap,
    Query(since): Query<Since>,
) -> Response {
    let user = match signed_in(&session, &events.pool, &events.settings).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let me = user.principal.pegawai_id;
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(since.setelah);
    let last = match resume {
        Some(id) => id,
        None => match last_event_id(&events.pool, me).await {
            Ok(id) => id,
            Err(e) => {
                tracing::error!(error = %e, "reading the last proposal event");
                return refusal(AppError::Server("events".into()));
            }
        },
    };
    let state = Cursor {
        pool: events.pool.clone(),
        me,
        last,
        news: events.news.subscribe(),
        queue: VecDeque::new(),
        stale: true,
        sign_in: events.sign_in(&session, me),
    };
    let body = futures::stream::unfold(state, |mut cursor| async move {
        loop {
            if let Some(event) = cursor.queue.pop_front() {
                return Some((Ok::<Event, Infallible>(event), cursor));
            }
            if cursor.stale {
                cursor.stale = false;
                cursor.read().await;
                continue;
            }
            cursor.stale = cursor.wait().await?;
        }
    });
    Sse::new(body)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// A verifier's dashboard: "your queue changed" whenever a step of a proposal of an
/// employee inside one of their scopes is taken (a new proposal, a colleague's
/// decision, a withdrawal), and once at each (re)connection. The page re-reads its
/// queue then, so a reconnect misses nothing.
async fn queue_stream(State(events): State<Arc<ProposalEvents>>, session: Session) -> Response {
    use app::verification::queue::Inbox;

    let user = match signed_in(&session, &events.pool, &events.settings).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let scopes: Vec<_> = Inbox::all_of(&user.principal.roles)
        .into_iter()
        .map(|inbox| inbox.scope)
        .collect();
    if scopes.is_empty() {
        return refusal(AppError::Forbidden);
    }
    struct Watch {
        news: broadcast::Receiver<Pointer>,
        scopes: Vec<app::auth::access::Scope>,
        first: bool,
        /// When to ask again whether the sign-in, and its verifier roles, still hold:
        /// a deadline, so a busy stream (events of other scopes) checks as often as a
        /// quiet one.
        next_check: tokio::time::Instant,
        sign_in: SignIn,
    }
    let watch = Watch {
        news: events.news.subscribe(),
        scopes,
        first: true,
        next_check: tokio::time::Instant::now() + SWEEP,
        sign_in: events.sign_in(&session, user.principal.pegawai_id),
    };
    let changed = |usulan_id: Option<i64>| {
        Ok::<Event, Infallible>(
            Event::default()
                .event("antrian")
                .data(serde_json::json!({ "usulan_id": usulan_id }).to_string()),
        )
    };
    let body = futures::stream::unfold(watch, move |mut watch| async move {
        if watch.first {
            watch.first = false;
            return Some((changed(None), watch));
        }
        loop {
            if tokio::time::Instant::now() >= watch.next_check {
                // Signed out, expired, or no longer a verifier: the stream ends. Roles
                // changed: the scopes follow.
                let user = watch.sign_in.current().await?;
                watch.scopes = Inbox::all_of(&user.principal.roles)
                    .into_iter()
                    .map(|inbox| inbox.scope)
                    .collect();
                if watch.scopes.is_empty() {
                    return None;
                }
                watch.next_check = tokio::time::Instant::now() + SWEEP;
            }
            match tokio::time::timeout_at(watch.next_check, watch.news.recv()).await {
                Ok(Ok(p)) => {
                    let ours = p
                        .placement()
                        .is_some_and(|place| watch.scopes.iter().any(|s| s.covers(&place)));
                    if ours {
                        return Some((changed(Some(p.usulan_id)), watch));
                    }
                }
                Ok(Err(broadcast::error::RecvError::Lagged(_))) => {
                    return Some((changed(None), watch))
                }
                Ok(Err(broadcast::error::RecvError::Closed)) => return None,
                Err(_deadline) => {}
            }
        }
    });
    Sse::new(body)
        .keep_alive(KeepAlive::default())
        .into_response()
}
