//! Every route, server-rendered in the pseudo-locale `en-XA` (English from
//! `en.json`, every text wrapped in `⟦…⟧` by app's build script; this test binary
//! turns on app's `pseudo-locale` feature), as the people who use it: anonymous, the
//! employee with proposals in every state, the verifier who holds one, a colleague.
//! A page that shows text not from the locale files shows it unmarked, and fails.
//!
//! What counts as unmarked page text: the HTML's text nodes (`<script>` and `<style>`
//! aside; the out-of-order chunks of a `<Suspense>` included) and the `title`, `alt`,
//! `placeholder`, `aria-label` attributes and the description's `content`, read
//! outside `⟦…⟧` (a mark may span elements, as a sentence with a link does). What is
//! left there must be data, which is not page text:
//!
//! - anything without a letter: numbers, codes such as `U12-ABCD-EFGH`, punctuation;
//! - dates and times as the app writes them for people (`1 March 2010`,
//!   `2026-12-01 08:00 WIB`);
//! - whole words that are a value the page was given: the string values of the
//!   resources the server serialised into the page for hydration (names, units,
//!   NIPs, record values, reasons, the server's own messages);
//! - the domain's names for data, told by the domain in English for this locale,
//!   where the page holds what they name: the name of a reference value (a history,
//!   a rank, a religion…) or of a section ("Data Personal") where its code is on the
//!   page (in its data, an `href`, a `value`), and a history's field labels (its one
//!   description) where that history is on the page (in its data, or named by an
//!   attribute, as a profile section's `data-riwayat`);
//! - the message of a `Localized` value the page shows (the update period's state),
//!   and text inside an alert (`role="alert"`, `.form-error`, `.field-errors`):
//!   problems explain themselves through `Localized`, which is not this mechanism.
//!
//! So a hard-coded text passes only where it equals a value the page was given or
//! the name of something the page shows; page text inside an alert (a page's own
//! refusal, such as a filter's) is not checked here.

use std::collections::BTreeSet;

use app::domain::localized::{Lang, Localized};
use app::domain::reference::*;
use app::domain::riwayat::table::TABLES;
use app::profile::store::profil_by_nomor_induk;
use app::proposal::change::{ProposedRecord, Target};
use app::proposal::period::PeriodState;
use app::proposal::submission::Submission;
use app::selfservice::confirmation::Section;
use generator::demo::{DEMO_PASSWORD, DEMO_PNS_NIP};
use reqwest::StatusCode;
use sqlx::PgPool;

use crate::support::http::text;
use crate::support::people::{generated, make_verifier, Scope};
use crate::support::world::{key, World};

/// Page text this test finds that is not from the locale files yet, each with why.
const KNOWN_GAPS: [(&str, &str); 1] = [
    // The captcha's SVG, drawn on the server (auth/captcha.rs), labels itself for
    // screen readers in one language; auth/ is being reworked apart from this.
    ("/rekonsiliasi", "captcha"),
];

/// leptos_i18n's cookie, set to the pseudo-locale.
const PSEUDO: &str = "i18n_pref_locale=en-XA";

// Run alone, as its own step of scripts/test.sh: amid the whole suite's load, one of
// its page reads sometimes never finished (seen 2 times in 4 full runs on 2 cores,
// never alone); the cause is not found yet. The timeout in `page` makes that a
// failure naming the page rather than a hang.
#[sqlx::test(migrations = "../migrations")]
#[ignore = "run alone: cargo test -p server --test api page_text -- --ignored"]
async fn every_page_shows_only_text_from_the_locale_files(pool: PgPool) {
    let w = World::start(pool, |_| {}).await;
    w.open_period().await;

    // Rina: one rank change waiting at her agency, one award returned to her.
    let pending = propose_rank_change(&w).await;
    let returned = propose_award_change(&w).await;
    let holder = verifier(&w, 0).await;
    let colleague = verifier(&w, 1).await;
    assert_eq!(
        decide(&w, &holder, returned, "Return").await,
        StatusCode::OK
    );
    assert_eq!(claim(&w, &holder, pending).await, StatusCode::OK);
    let code: serde_json::Value = w
        .app
        .get_json(&format!("/api/berkas_usulan?id={pending}"), &holder)
        .await;
    let code = code["proposal"]["kode_bukti"].as_str().unwrap().to_owned();

    // Each route as someone who uses it, with what shows that its content rendered
    // (not an error in its place): a `data-testid`, or a text.
    let (rina, budi) = (Some(w.rina.as_str()), Some(w.budi.as_str()));
    let (holder_, colleague_) = (Some(holder.as_str()), Some(colleague.as_str()));
    let routes: Vec<(&str, Option<&str>, String, &str)> = vec![
        ("anonymous", None, "/".into(), r#"class="hero""#),
        ("anonymous", None, "/masuk".into(), "login-page"),
        ("anonymous", None, "/aktivasi".into(), "token-page"),
        ("anonymous", None, "/lupa-kata-sandi".into(), "token-page"),
        ("anonymous", None, "/kata-sandi".into(), "set-password-page"),
        (
            "anonymous",
            None,
            "/rekonsiliasi".into(),
            "reconciliation-page",
        ),
        (
            "anonymous",
            None,
            "/rekonsiliasi/konfirmasi".into(),
            "confirm-contact-page",
        ),
        ("anonymous", None, "/registrasi".into(), "registration-page"),
        (
            "anonymous",
            None,
            "/registrasi/verifikasi".into(),
            "registration-desk",
        ),
        ("anonymous", None, "/akun".into(), "account-page"),
        ("anonymous", None, "/admin".into(), "admin-page"),
        ("anonymous", None, "/usulan".into(), r#"href="/masuk""#),
        (
            "anonymous",
            None,
            "/usulan/baru/pangkat".into(),
            r#"href="/masuk""#,
        ),
        (
            "anonymous",
            None,
            format!("/usulan/{pending}/bukti"),
            r#"href="/masuk""#,
        ),
        ("anonymous", None, "/notifikasi".into(), r#"href="/masuk""#),
        ("anonymous", None, "/konfirmasi".into(), r#"href="/masuk""#),
        ("anonymous", None, "/verifikasi".into(), "verification-page"),
        (
            "anonymous",
            None,
            format!("/verifikasi/{pending}"),
            "decision-page",
        ),
        (
            "anonymous",
            None,
            format!("/profil/{DEMO_PNS_NIP}"),
            r#"href="/masuk""#,
        ),
        (
            "anonymous",
            None,
            "/tidak-ada".into(),
            r#"class="not-found""#,
        ),
        ("Rina", rina, "/".into(), "notification-link"),
        ("Rina", rina, "/akun".into(), "me-name"),
        ("Rina", rina, "/admin".into(), "activation-mode"),
        ("Rina", rina, "/registrasi/verifikasi".into(), "look-up"),
        ("Rina", rina, "/usulan".into(), "resubmit-link"),
        ("Rina", rina, "/usulan/baru/pangkat".into(), "propose-page"),
        (
            "Rina",
            rina,
            "/usulan/baru/penghargaan".into(),
            "returned-notice",
        ),
        (
            "Rina",
            rina,
            format!("/usulan/{pending}/bukti"),
            "verification-code",
        ),
        ("Rina", rina, "/notifikasi".into(), "headline"),
        ("Rina", rina, "/konfirmasi".into(), "progress-text"),
        (
            "Rina",
            rina,
            format!("/profil/{DEMO_PNS_NIP}"),
            "data-personal",
        ),
        (
            "Budi",
            budi,
            "/usulan/baru/penghargaan".into(),
            "propose-page",
        ),
        ("Budi", budi, "/notifikasi".into(), "no-notifications"),
        ("Budi", budi, "/usulan".into(), "no-proposals"),
        ("the verifier", holder_, "/akun".into(), "verification-link"),
        ("the verifier", holder_, "/verifikasi".into(), "queue-item"),
        (
            "the verifier",
            holder_,
            format!("/verifikasi/{pending}"),
            "decision-form",
        ),
        (
            "the verifier",
            holder_,
            format!("/verifikasi/{pending}?kode={code}"),
            r#"data-genuine="true""#,
        ),
        (
            "the verifier",
            holder_,
            format!("/verifikasi/{pending}?kode=U{pending}-AAAA-AAAA"),
            r#"data-genuine="false""#,
        ),
        (
            "a colleague",
            colleague_,
            format!("/verifikasi/{pending}"),
            r#"data-testid="claim""#,
        ),
    ];

    // The period's state, as its `Localized` message tells it on the proposal pages.
    let mut period = vec![];
    for cookie in [&w.rina, &w.budi] {
        let answer = w.app.get_json("/api/periode_saya", cookie).await;
        let state: PeriodState = serde_json::from_value(answer.clone())
            .unwrap_or_else(|e| panic!("the period's state: {answer}: {e}"));
        period.push(state.message(Lang::En));
    }
    let names = names_of_data();
    let mut failures = Vec::new();
    for (who, cookie, path, shows) in &routes {
        let html = page(&w, path, *cookie).await;
        assert!(
            html.contains(shows),
            "{path} as {who} does not show {shows}: {html}"
        );
        let page = Page::read(&html);
        if let Some(dir) = std::env::var_os("PAGE_TEXT_DUMP") {
            let f = std::path::Path::new(&dir).join(format!(
                "{}-{}.html",
                who.replace(' ', "_"),
                path.replace('/', "_")
            ));
            std::fs::write(f, &html).unwrap();
        }
        for text in page.unmarked_text(&names, &period) {
            if !KNOWN_GAPS.contains(&(path.as_str(), text.as_str())) {
                failures.push(format!("{path} as {who}: {text:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "text that does not come from the locale files:\n{}",
        failures.join("\n")
    );
}

/// A page's text, split into what the locale files say (marked) and the rest.
struct Page {
    /// How many marked texts the page shows.
    marked: usize,
    /// Unmarked runs of text nodes and checked attributes, alerts aside.
    unmarked: Vec<String>,
    /// The string values of the resources serialised into the page.
    data: BTreeSet<String>,
    /// The data and its keys, and every attribute's value and each `/`-separated
    /// part of it: where a reference value's code may stand (`/usulan/baru/pangkat`).
    codes: BTreeSet<String>,
}

impl Page {
    fn read(html: &str) -> Page {
        let mut page = Page {
            marked: 0,
            unmarked: Vec::new(),
            data: BTreeSet::new(),
            codes: BTreeSet::new(),
        };
        // Depth of open `⟦` across text nodes, and of open alert elements.
        let mut mark = 0usize;
        let mut alerts: Vec<(String, usize)> = Vec::new();
        let mut depth = 0usize;
        let mut rest = html;
        while !rest.is_empty() {
            let Some(lt) = rest.find('<') else {
                page.text(rest, &mut mark, !alerts.is_empty());
                break;
            };
            page.text(&rest[..lt], &mut mark, !alerts.is_empty());
            rest = &rest[lt..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
                continue;
            }
            let end = tag_end(rest);
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            if tag.starts_with('!') {
                continue; // <!DOCTYPE html>, and leptos's <!> markers
            }
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            for value in attribute_values(tag) {
                page.codes.extend(value.split('/').map(str::to_owned));
                page.codes.insert(value);
            }
            if tag.starts_with('/') {
                depth = depth.saturating_sub(1);
                if alerts
                    .last()
                    .is_some_and(|(n, d)| *n == name && *d == depth)
                {
                    alerts.pop();
                }
                continue;
            }
            if name == "script" || name == "style" {
                let close = format!("</{name}");
                let body_end = rest.find(&close).unwrap_or(rest.len());
                if name == "script" {
                    let (values, keys) = resource_strings(&rest[..body_end]);
                    page.data.extend(values);
                    page.codes.extend(keys);
                }
                rest = &rest[body_end..];
                continue;
            }
            let alert = attribute(tag, "role").as_deref() == Some("alert")
                || attribute(tag, "class").is_some_and(|c| {
                    c.split_whitespace()
                        .any(|c| c == "form-error" || c == "field-errors")
                });
            let description =
                name == "meta" && attribute(tag, "name").as_deref() == Some("description");
            for checked in ["title", "alt", "placeholder", "aria-label"]
                .into_iter()
                .chain(description.then_some("content"))
            {
                if let Some(value) = attribute(tag, checked) {
                    let mut own = 0;
                    page.text(&value, &mut own, alert || !alerts.is_empty());
                }
            }
            let void = tag.ends_with('/')
                || matches!(
                    name.as_str(),
                    "meta" | "link" | "img" | "input" | "br" | "hr" | "source" | "wbr"
                );
            if !void {
                if alert {
                    alerts.push((name, depth));
                }
                depth += 1;
            }
        }
        assert_eq!(mark, 0, "a ⟦ is never closed");
        page.codes.extend(page.data.iter().cloned());
        page
    }

    /// Reads one text: what lies outside `⟦…⟧` is kept, unless in an alert.
    fn text(&mut self, raw: &str, mark: &mut usize, in_alert: bool) {
        let text = decode(raw);
        let mut outside = String::new();
        for c in text.chars() {
            match c {
                '⟦' => {
                    *mark += 1;
                    self.marked += 1;
                    outside.push(' ');
                }
                '⟧' => {
                    *mark = mark.checked_sub(1).expect("a ⟧ without its ⟦");
                    outside.push(' ');
                }
                c if *mark == 0 => outside.push(c),
                _ => {}
            }
        }
        if !in_alert && outside.chars().any(char::is_alphabetic) {
            self.unmarked.push(outside.trim().to_owned());
        }
    }

    /// The unmarked texts that are not data (see the module's comment).
    fn unmarked_text(&self, names: &[Name], messages: &[String]) -> Vec<String> {
        let names = names.iter().filter(|n| {
            (n.code.is_empty() || n.code.iter().any(|c| self.codes.contains(*c)))
                && n.history.is_none_or(|h| self.codes.contains(h))
        });
        let mut known: Vec<&str> = self
            .data
            .iter()
            .map(String::as_str)
            .chain(names.map(|n| n.text.as_str()))
            .chain(messages.iter().map(String::as_str))
            .filter(|s| s.chars().any(char::is_alphabetic))
            .collect();
        // Longest first, so a name is taken whole before any shorter value in it.
        known.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        self.unmarked
            .iter()
            .filter(|text| {
                let mut left = text.to_string();
                for value in &known {
                    left = without_word(&left, value);
                }
                without_dates(&left).chars().any(char::is_alphabetic)
            })
            .cloned()
            .collect()
    }
}

/// Where the tag that starts `at` ends (its `>`), quotes respected.
fn tag_end(at: &str) -> usize {
    let mut quote = None;
    for (i, c) in at.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    at.len() - 1
}

/// Every `name="…"` value of a tag, decoded.
fn attribute_values(tag: &str) -> Vec<String> {
    tag.split("=\"")
        .skip(1)
        .filter_map(|after| after.find('"').map(|end| decode(&after[..end])))
        .collect()
}

/// The value of `name="…"` in a tag, decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().last();
        let after = &rest[at + name.len()..];
        if before.is_some_and(char::is_whitespace) {
            if let Some(value) = after.strip_prefix("=\"") {
                let end = value.find('"')?;
                return Some(decode(&value[..end]));
            }
        }
        rest = after;
    }
    None
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// The values (strings, numbers) and the keys of every resource a script hands to
/// hydration: leptos writes each as a quoted (Rust-escaped) JSON text,
/// `__RESOLVED_RESOURCES[3] = "{…}";`.
fn resource_strings(script: &str) -> (Vec<String>, Vec<String>) {
    fn leaves(value: &serde_json::Value, out: &mut (Vec<String>, Vec<String>)) {
        match value {
            serde_json::Value::String(s) => {
                out.0.push(s.clone());
                // A resource may carry JSON as text (a server function's raw answer).
                if let Ok(inner) = serde_json::from_str::<serde_json::Value>(s) {
                    if inner.is_object() || inner.is_array() {
                        leaves(&inner, out);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| leaves(v, out)),
            serde_json::Value::Object(map) => {
                for (key, inner) in map {
                    out.1.push(key.clone());
                    leaves(inner, out);
                }
            }
            other => out.0.push(other.to_string()),
        }
    }
    let mut out = (Vec::new(), Vec::new());
    let mut chars = script.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c != '"' {
            continue;
        }
        // A quoted literal, unescaped as Rust's `{:?}` and leptos's `\u003c` wrote it.
        let mut literal = String::new();
        while let Some((_, c)) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next().map(|(_, c)| c) {
                    Some('n') => literal.push('\n'),
                    Some('t') => literal.push('\t'),
                    Some('r') => literal.push('\r'),
                    Some('0') => literal.push('\0'),
                    Some('u') => {
                        let mut hex = String::new();
                        if chars.peek().is_some_and(|(_, c)| *c == '{') {
                            chars.next();
                            for (_, c) in chars.by_ref() {
                                if c == '}' {
                                    break;
                                }
                                hex.push(c);
                            }
                        } else {
                            for _ in 0..4 {
                                if let Some((_, c)) = chars.next() {
                                    hex.push(c);
                                }
                            }
                        }
                        if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            literal.push(c);
                        }
                    }
                    Some(other) => literal.push(other),
                    None => {}
                },
                c => literal.push(c),
            }
        }
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&literal) {
            leaves(&value, &mut out);
        }
    }
    out
}

/// `text` without the dates and times the app writes for people in English.
fn without_dates(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut out = text.to_owned();
    for month in MONTHS {
        out = without_word(&out, month);
    }
    // `in_wib`: "2026-12-01 08:00 WIB"; the numbers are left, and have no letters.
    without_word(&out, "WIB")
}

/// `text` with every occurrence of `value` that stands as whole words taken out.
fn without_word(text: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(value) {
        let before = rest[..at].chars().last();
        let after = rest[at + value.len()..].chars().next();
        let bounded = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        if bounded(before) && bounded(after) {
            out.push_str(&rest[..at]);
            out.push(' ');
        } else {
            out.push_str(&rest[..at + value.len()]);
        }
        rest = &rest[at + value.len()..];
    }
    out.push_str(rest);
    out
}

/// A name of the domain's for data, and what the page must hold for the name to be
/// data there rather than page text.
struct Name {
    text: String,
    /// Any of these somewhere on the page (its data, an `href`, a `value`): the
    /// value's code, or what it is derived from.
    code: Vec<&'static str>,
    /// The history whose field it names, in the page's data.
    history: Option<&'static str>,
}

/// The domain's names for data, in English: every reference value's name, the
/// sections, every history's field labels.
fn names_of_data() -> Vec<Name> {
    fn named<T: Copy>(
        all: &[T],
        name: fn(T) -> &'static str,
        code: fn(T) -> &'static str,
    ) -> Vec<Name> {
        all.iter()
            .map(|v| Name {
                text: name(*v).to_owned(),
                code: vec![code(*v)],
                history: None,
            })
            .collect()
    }
    let mut names = Vec::new();
    names.extend(named(Agama::all(), Agama::name_en, Agama::code));
    names.extend(named(Eselon::all(), Eselon::name_en, Eselon::code));
    names.extend(named(
        GolonganPns::all(),
        GolonganPns::name_en,
        GolonganPns::code,
    ));
    names.extend(named(
        GolonganPppk::all(),
        GolonganPppk::name_en,
        GolonganPppk::code,
    ));
    // A family member's relationship is derived from the record (a spouse and a
    // gender make a husband), so no code of it stands on the page: the family does.
    names.extend(
        named(Hubungan::all(), Hubungan::name_en, Hubungan::code)
            .into_iter()
            .map(|n| Name {
                code: vec![n.code[0], "keluarga"],
                ..n
            }),
    );
    names.extend(named(
        JenisDokumen::all(),
        JenisDokumen::name_en,
        JenisDokumen::code,
    ));
    names.extend(named(
        JenisJabatan::all(),
        JenisJabatan::name_en,
        JenisJabatan::code,
    ));
    names.extend(named(
        JenisKelamin::all(),
        JenisKelamin::name_en,
        JenisKelamin::code,
    ));
    names.extend(named(
        JenisKenaikanPangkat::all(),
        JenisKenaikanPangkat::name_en,
        JenisKenaikanPangkat::code,
    ));
    names.extend(named(
        JenisPegawai::all(),
        JenisPegawai::name_en,
        JenisPegawai::code,
    ));
    names.extend(named(
        Ekspektasi::all(),
        Ekspektasi::name_en,
        Ekspektasi::code,
    ));
    names.extend(named(
        PredikatSkp::all(),
        PredikatSkp::name_en,
        PredikatSkp::code,
    ));
    names.extend(named(Riwayat::all(), Riwayat::name_en, Riwayat::code));
    names.extend(named(
        StatusHukum::all(),
        StatusHukum::name_en,
        StatusHukum::code,
    ));
    names.extend(named(
        StatusPerkawinan::all(),
        StatusPerkawinan::name_en,
        StatusPerkawinan::code,
    ));
    names.extend(named(
        TingkatPendidikan::all(),
        TingkatPendidikan::name_en,
        TingkatPendidikan::code,
    ));
    let personal = Section::DataPersonal;
    names.push(Name {
        text: personal.name(Lang::En).to_owned(),
        code: vec![personal.code()],
        history: None,
    });
    for table in &TABLES {
        for column in table.columns {
            let label = column.label(Lang::En);
            // A nested field reads "Decree (SK) · Number": each level is a label too.
            for text in std::iter::once(label).chain(label.split(" · ")) {
                names.push(Name {
                    text: text.to_owned(),
                    code: Vec::new(),
                    history: Some(table.riwayat.code()),
                });
            }
        }
    }
    names
}

/// GETs a page in the pseudo-locale, as the holder of `cookie` if any.
async fn page(w: &World, path: &str, cookie: Option<&str>) -> String {
    let cookie = match cookie {
        Some(session) => format!("{PSEUDO}; {session}"),
        None => PSEUDO.to_owned(),
    };
    // Whatever the status (a 404, a 401 for a page that needs a role), it is a page.
    // A page whose stream never ends is a failure that names it, not a hang.
    let (status, html) = tokio::time::timeout(std::time::Duration::from_secs(30), async {
        text(w.app.get(path, Some(&cookie)).await).await
    })
    .await
    .unwrap_or_else(|_| panic!("{path} did not finish rendering within 30 s"));
    assert!(
        html.contains(r#"<html lang="en-XA""#),
        "{path} ({status}) is not a page in en-XA: {html}"
    );
    html
}

/// Rina's latest rank raised a grade; answers the proposal's id.
async fn propose_rank_change(w: &World) -> i64 {
    let dokumen_id = w.document(&w.rina, "SK KP").await;
    let submission = w.rank_change(1, GolonganPns::IVA, dokumen_id).await;
    sent(w, &submission).await
}

/// Rina's latest award renamed; answers the proposal's id.
async fn propose_award_change(w: &World) -> i64 {
    let dokumen_id = w.document(&w.rina, "SK penghargaan").await;
    let profil = profil_by_nomor_induk(&w.pool, DEMO_PNS_NIP)
        .await
        .unwrap()
        .unwrap();
    let mut award = profil.pegawai.penghargaan[0].clone();
    let target = Target::Existing(award.id);
    award.nama.push_str(" (perbaikan)");
    let submission = Submission {
        kunci: key(2),
        target,
        record: ProposedRecord::Penghargaan(award),
        dokumen_id,
        jenis_dokumen: Riwayat::Penghargaan.supporting_documents()[0],
    };
    sent(w, &submission).await
}

async fn sent(w: &World, submission: &Submission) -> i64 {
    let (status, body) = text(w.submit(&w.rina, submission).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.parse().unwrap()
}

/// The `n`th generated employee, made a verifier of Rina's agency, signed in.
async fn verifier(w: &World, n: i64) -> String {
    let (nip, _) = generated(&w.pool, n).await;
    make_verifier(
        &w.pool,
        &nip,
        Scope::Agency(w.rina_instansi),
        2,
        DEMO_PASSWORD,
    )
    .await;
    w.app.sign_in(&nip, DEMO_PASSWORD).await
}

async fn claim(w: &World, cookie: &str, id: i64) -> StatusCode {
    let id = id.to_string();
    w.app
        .post_form("/api/klaim_usulan", &[("id", &id)], Some(cookie))
        .await
        .status()
}

/// Claims proposal `id` and decides it with `verdict` (and a reason).
async fn decide(w: &World, cookie: &str, id: i64, verdict: &str) -> StatusCode {
    assert_eq!(claim(w, cookie, id).await, StatusCode::OK);
    let keputusan = serde_json::json!({ "verdict": verdict, "reason": "Nama pada SK berbeda." });
    w.app
        .post_json(
            "/api/putuskan_usulan",
            &serde_json::json!({ "id": id, "keputusan": keputusan }),
            Some(cookie),
        )
        .await
        .status()
}
