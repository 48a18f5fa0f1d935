//! Configuration from the environment. Every variable, its default and its
//! meaning is listed in the README; secrets only ever come from here.

use std::{env, time::Duration};

use crate::client_address::TrustedProxies;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is required: {why}")]
    Missing {
        name: &'static str,
        why: &'static str,
    },
    #[error("{name} has an invalid value {value:?}: {why}")]
    Invalid {
        name: &'static str,
        value: String,
        why: &'static str,
    },
    /// The variable asks for something this build leaves out (a cargo feature).
    #[error("{name} asks for {what}, which this server was built without: {how}")]
    NotBuiltIn {
        name: &'static str,
        what: &'static str,
        how: &'static str,
    },
}

/// Whether this build holds the demo data set (the `demo` cargo feature), which
/// `MUTAKHIR_DEMO=true` loads. Production builds leave it out.
pub const DEMO_BUILT_IN: bool = cfg!(feature = "demo");

/// `MUTAKHIR_DEMO` as asked, refused when the build cannot load the demo data.
fn demo_mode(asked: bool, built_in: bool) -> Result<bool, ConfigError> {
    if asked && !built_in {
        return Err(ConfigError::NotBuiltIn {
            name: "MUTAKHIR_DEMO",
            what: "the demo data",
            how: "build it with the `demo` feature (`cargo leptos build --release --bin-features demo`, as scripts/run.sh does; `cargo build -p server --features demo`), or leave MUTAKHIR_DEMO unset",
        });
    }
    Ok(asked)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    pub url: String,
    pub max_connections: u32,
    pub acquire_timeout: Duration,
}

/// Where emails go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailConfig {
    /// A real SMTP server, e.g. `smtps://user:pass@smtp.example.go.id` or
    /// `smtp://127.0.0.1:2525` (lettre's URL form).
    Smtp { url: String, from: String },
    /// Development only: messages are kept in memory and shown at `/dev/surat`.
    DevMailbox { from: String },
}

#[derive(Debug, Clone)]
pub struct AuthConfig {
    pub idle_timeout: Duration,
    pub absolute_timeout: Duration,
    pub password_min_length: usize,
    pub token_ttl: Duration,
    /// Account requests (sign-in, tokens) one IP address may make per minute…
    pub per_ip_per_minute: u32,
    /// …and at once.
    pub per_ip_burst: u32,
    /// Failed sign-ins before an identifier locks.
    pub lock_after: i32,
    /// Password hashes computed at once (None: half the cores).
    pub hashing_concurrency: Option<usize>,
    /// How far below the server's CPU priority the hashing threads run (nice steps).
    pub hashing_nice: i32,
    /// Seals captchas; every instance behind one address must share it.
    pub secret_key: Option<String>,
}

/// Where uploaded documents' bytes go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentLocation {
    /// A local folder (the default: `.data/dokumen` under the working directory).
    Folder(std::path::PathBuf),
    /// An S3-compatible bucket, `s3://bucket[/prefix]`; credentials, region and
    /// endpoint come from the usual `AWS_*` variables.
    S3(String),
}

#[derive(Debug, Clone)]
pub struct DocumentConfig {
    pub location: DocumentLocation,
    /// Largest accepted upload.
    pub max_bytes: u64,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database: DatabaseConfig,
    /// The origin browsers see, e.g. `https://mutakhir.bkn.go.id`. Used for the
    /// cross-site request check and to decide whether cookies must be `Secure`.
    pub public_origin: Option<String>,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` name the client
    /// (`MUTAKHIR_TRUSTED_PROXIES`); none by default, so the headers are ignored.
    pub trusted_proxies: TrustedProxies,
    pub log_format: LogFormat,
    /// Largest request body accepted anywhere (uploads have their own cap).
    pub max_body_bytes: usize,
    /// Loads the demo employees into an empty database at start-up and lets
    /// anyone read profiles: for demonstrations and tests only, never production.
    /// Only a build with the `demo` feature reads it as true ([`DEMO_BUILT_IN`]).
    pub demo: bool,
    pub mail: MailConfig,
    /// How often the decision-email outbox is swept for retries (new decisions wake
    /// it at once).
    pub outbox_poll: Duration,
    pub auth: AuthConfig,
    pub documents: DocumentConfig,
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| env::var(name).ok())
    }

    /// Reads from any lookup function, so tests can configure without touching
    /// the process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let url = get("DATABASE_URL").ok_or(ConfigError::Missing {
            name: "DATABASE_URL",
            why: "the PostgreSQL connection string (scripts/run.sh provides an embedded default)",
        })?;
        let max_connections = parse_or(&get, "MUTAKHIR_DB_MAX_CONNECTIONS", 20u32)?;
        let acquire_secs = parse_or(&get, "MUTAKHIR_DB_ACQUIRE_TIMEOUT_SECS", 5u64)?;
        let public_origin = get("MUTAKHIR_PUBLIC_ORIGIN")
            .map(|o| o.trim_end_matches('/').to_owned())
            .filter(|o| !o.is_empty());
        if let Some(origin) = &public_origin {
            if !(origin.starts_with("http://") || origin.starts_with("https://")) {
                return Err(ConfigError::Invalid {
                    name: "MUTAKHIR_PUBLIC_ORIGIN",
                    value: origin.clone(),
                    why: "must start with http:// or https://",
                });
            }
        }
        let log_format = match get("MUTAKHIR_LOG_FORMAT").as_deref() {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "MUTAKHIR_LOG_FORMAT",
                    value: other.to_owned(),
                    why: "expected `pretty` or `json`",
                })
            }
        };
        let trusted_proxies = TrustedProxies::parse(
            &get("MUTAKHIR_TRUSTED_PROXIES").unwrap_or_default(),
        )
        .map_err(|value| ConfigError::Invalid {
            name: "MUTAKHIR_TRUSTED_PROXIES",
            value,
            why: "a comma-separated list of addresses or networks (10.0.0.0/8, 2001:db8::/32)",
        })?;
        let max_body_bytes = parse_or(&get, "MUTAKHIR_MAX_BODY_BYTES", 1024 * 1024usize)?;
        let outbox_poll =
            Duration::from_secs(parse_or(&get, "MUTAKHIR_OUTBOX_POLL_SECS", 30u64)?.max(1));
        let demo = demo_mode(parse_bool(&get, "MUTAKHIR_DEMO")?, DEMO_BUILT_IN)?;
        let from = get("MUTAKHIR_MAIL_FROM")
            .filter(|f| !f.trim().is_empty())
            .unwrap_or_else(|| "Mutakhir <no-reply@mutakhir.invalid>".to_owned());
        let dev_mailbox = parse_bool(&get, "MUTAKHIR_DEV_MAILBOX")?;
        let mail = match (get("MUTAKHIR_SMTP_URL").filter(|u| !u.trim().is_empty()), dev_mailbox) {
            (Some(url), _) => MailConfig::Smtp { url, from },
            (None, true) => MailConfig::DevMailbox { from },
            (None, false) => {
                return Err(ConfigError::Missing {
                    name: "MUTAKHIR_SMTP_URL",
                    why: "activation tokens are emailed; for development set MUTAKHIR_DEV_MAILBOX=true instead",
                })
            }
        };
        // The development mailbox shows every token to anyone who opens /dev/surat.
        if matches!(mail, MailConfig::DevMailbox { .. })
            && public_origin
                .as_deref()
                .is_some_and(|o| o.starts_with("https://"))
            && !parse_bool(&get, "MUTAKHIR_DEMO")?
        {
            return Err(ConfigError::Invalid {
                name: "MUTAKHIR_DEV_MAILBOX",
                value: "true".into(),
                why: "not on a public HTTPS origin outside demo mode: set MUTAKHIR_SMTP_URL",
            });
        }
        let auth = AuthConfig {
            idle_timeout: Duration::from_secs(parse_or(
                &get,
                "MUTAKHIR_SESSION_IDLE_SECS",
                30 * 60u64,
            )?),
            absolute_timeout: Duration::from_secs(parse_or(
                &get,
                "MUTAKHIR_SESSION_ABSOLUTE_SECS",
                12 * 60 * 60u64,
            )?),
            password_min_length: parse_or(&get, "MUTAKHIR_PASSWORD_MIN_LENGTH", 8usize)?,
            token_ttl: Duration::from_secs(parse_or(&get, "MUTAKHIR_TOKEN_TTL_SECS", 15 * 60u64)?),
            per_ip_per_minute: parse_or(&get, "MUTAKHIR_AUTH_PER_IP_PER_MINUTE", 60u32)?,
            per_ip_burst: parse_or(&get, "MUTAKHIR_AUTH_PER_IP_BURST", 20u32)?,
            lock_after: parse_or(&get, "MUTAKHIR_LOGIN_LOCK_AFTER", 5i32)?,
            secret_key: get("MUTAKHIR_SECRET_KEY").filter(|k| !k.trim().is_empty()),
            hashing_concurrency: match get("MUTAKHIR_HASHING_CONCURRENCY")
                .filter(|v| !v.trim().is_empty())
            {
                None => None,
                Some(_) => Some(parse_or(&get, "MUTAKHIR_HASHING_CONCURRENCY", 1usize)?),
            },
            hashing_nice: parse_or(&get, "MUTAKHIR_HASHING_NICE", 10i32)?,
        };
        require_secret_key(auth.secret_key.as_deref(), demo)?;
        if auth.secret_key.as_deref().is_some_and(|k| k.len() < 32) {
            return Err(ConfigError::Invalid {
                name: "MUTAKHIR_SECRET_KEY",
                value: "(hidden)".into(),
                why: "at least 32 characters of randomness",
            });
        }
        if !(0..=19).contains(&auth.hashing_nice) {
            return Err(ConfigError::Invalid {
                name: "MUTAKHIR_HASHING_NICE",
                value: auth.hashing_nice.to_string(),
                why: "a number of nice steps from 0 to 19",
            });
        }
        if auth.per_ip_per_minute == 0 || auth.per_ip_burst == 0 {
            return Err(ConfigError::Invalid {
                name: "MUTAKHIR_AUTH_PER_IP_PER_MINUTE",
                value: "0".into(),
                why: "rates and bursts must be at least 1",
            });
        }
        let location = match get("MUTAKHIR_DOCUMENT_STORE").map(|v| v.trim().to_owned()) {
            None => DocumentLocation::Folder(".data/dokumen".into()),
            Some(v) if v.is_empty() => DocumentLocation::Folder(".data/dokumen".into()),
            Some(v) if v.starts_with("s3://") => DocumentLocation::S3(v),
            Some(v) if v.contains("://") => {
                return Err(ConfigError::Invalid {
                    name: "MUTAKHIR_DOCUMENT_STORE",
                    value: v,
                    why: "expected a folder or s3://bucket",
                })
            }
            Some(v) => DocumentLocation::Folder(v.into()),
        };
        let max_bytes = parse_or(
            &get,
            "MUTAKHIR_DOCUMENT_MAX_BYTES",
            app::document::kind::DEFAULT_MAX_BYTES,
        )?;
        if max_bytes == 0 {
            return Err(ConfigError::Invalid {
                name: "MUTAKHIR_DOCUMENT_MAX_BYTES",
                value: "0".into(),
                why: "uploads need room for at least one byte",
            });
        }
        Ok(Self {
            mail,
            outbox_poll,
            auth,
            documents: DocumentConfig {
                location,
                max_bytes,
            },
            database: DatabaseConfig {
                url,
                max_connections,
                acquire_timeout: Duration::from_secs(acquire_secs),
            },
            public_origin,
            trusted_proxies,
            log_format,
            demo,
            max_body_bytes,
        })
    }

    /// Cookies are `Secure` (and get the `__Host-` prefix) when the public
    /// origin is HTTPS; plain-HTTP development on loopback would lose them otherwise.
    pub fn secure_cookies(&self) -> bool {
        self.public_origin
            .as_deref()
            .is_some_and(|o| o.starts_with("https://"))
    }

    /// A configuration for tests: everything at its default, mail to the
    /// development mailbox.
    pub fn for_tests(database_url: &str) -> Self {
        // Each test application stores its documents apart from every other's.
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let folder = std::env::temp_dir().join(format!(
            "mutakhir-test-documents-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        Self::from_lookup(|name| match name {
            "DATABASE_URL" => Some(database_url.to_owned()),
            "MUTAKHIR_DOCUMENT_STORE" => Some(folder.display().to_string()),
            "MUTAKHIR_DEV_MAILBOX" => Some("true".to_owned()),
            "MUTAKHIR_SECRET_KEY" => Some("test-key-0123456789abcdef0123456789abcdef".to_owned()),
            _ => None,
        })
        .expect("defaults are valid")
    }
}

/// The key of proof codes and security challenges. Without one each start makes
/// its own, so codes printed before a restart (or by another instance) stop
/// verifying: acceptable for a demonstration only.
fn require_secret_key(key: Option<&str>, demo: bool) -> Result<(), ConfigError> {
    if key.is_none() && !demo {
        return Err(ConfigError::Missing {
            name: "MUTAKHIR_SECRET_KEY",
            why: "it keys the proof codes and security challenges, the same on every start and instance: 32 or more random characters (`openssl rand -hex 32`); only demo mode makes one up",
        });
    }
    Ok(())
}

fn parse_bool(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
) -> Result<bool, ConfigError> {
    match get(name).as_deref().map(str::trim) {
        None | Some("") | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(other) => Err(ConfigError::Invalid {
            name,
            value: other.to_owned(),
            why: "expected `true` or `false`",
        }),
    }
}

fn parse_or<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: T,
) -> Result<T, ConfigError> {
    match get(name) {
        None => Ok(default),
        Some(value) => value.trim().parse().map_err(|_| ConfigError::Invalid {
            name,
            value,
            why: "expected a positive whole number",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A configuration from `vars`, with a secret key unless they set one.
    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        map.entry("MUTAKHIR_SECRET_KEY".into())
            .or_insert_with(|| "k".repeat(32));
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn the_secret_key_is_required_outside_demo_mode() {
        let err = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_DEV_MAILBOX", "true"),
            ("MUTAKHIR_SECRET_KEY", ""),
        ])
        .unwrap_err();
        assert!(
            matches!(
                err,
                ConfigError::Missing {
                    name: "MUTAKHIR_SECRET_KEY",
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            require_secret_key(None, true).is_ok(),
            "demo mode makes one up"
        );
        assert!(require_secret_key(Some("k"), false).is_ok());
    }

    #[test]
    fn database_url_is_required() {
        assert!(matches!(
            config(&[]),
            Err(ConfigError::Missing {
                name: "DATABASE_URL",
                ..
            })
        ));
    }

    #[test]
    fn mail_must_be_configured_one_way_or_the_other() {
        let err = config(&[("DATABASE_URL", "postgres://x")]).unwrap_err();
        assert!(err.to_string().contains("MUTAKHIR_SMTP_URL"), "{err}");
        let c = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_SMTP_URL", "smtp://127.0.0.1:2525"),
            ("MUTAKHIR_DEV_MAILBOX", "true"),
        ])
        .unwrap();
        assert!(matches!(c.mail, MailConfig::Smtp { .. }), "SMTP wins");
    }

    #[test]
    fn the_development_mailbox_is_refused_on_a_public_site() {
        let err = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_DEV_MAILBOX", "true"),
            ("MUTAKHIR_PUBLIC_ORIGIN", "https://mutakhir.example.go.id"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("MUTAKHIR_DEV_MAILBOX"), "{err}");
    }

    #[test]
    fn defaults_apply() {
        let c = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_DEV_MAILBOX", "true"),
        ])
        .unwrap();
        assert_eq!(c.auth.idle_timeout, Duration::from_secs(1800));
        assert_eq!(c.auth.absolute_timeout, Duration::from_secs(43200));
        assert_eq!(c.auth.password_min_length, 8);
        assert_eq!(c.auth.token_ttl, Duration::from_secs(900));
        assert_eq!(c.database.max_connections, 20);
        assert_eq!(c.log_format, LogFormat::Pretty);
        assert_eq!(c.max_body_bytes, 1024 * 1024);
        assert!(!c.secure_cookies());
    }

    #[test]
    fn https_origin_means_secure_cookies() {
        let c = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_SMTP_URL", "smtp://127.0.0.1:2525"),
            ("MUTAKHIR_PUBLIC_ORIGIN", "https://mutakhir.example.go.id/"),
        ])
        .unwrap();
        assert!(c.secure_cookies());
        assert_eq!(
            c.public_origin.as_deref(),
            Some("https://mutakhir.example.go.id")
        );
    }

    #[test]
    fn demo_mode_needs_the_demo_feature() {
        assert!(!demo_mode(false, false).unwrap());
        assert!(!demo_mode(false, true).unwrap());
        assert!(demo_mode(true, true).unwrap());
        let err = demo_mode(true, false).unwrap_err();
        assert!(matches!(
            err,
            ConfigError::NotBuiltIn {
                name: "MUTAKHIR_DEMO",
                ..
            }
        ));
        assert!(err.to_string().contains("--bin-features demo"), "{err}");
    }

    /// This build, as it reads MUTAKHIR_DEMO=true: refused at start without the
    /// feature, demo mode with it.
    #[test]
    fn demo_mode_in_this_build() {
        let c = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_DEV_MAILBOX", "true"),
            ("MUTAKHIR_DEMO", "true"),
        ]);
        if DEMO_BUILT_IN {
            assert!(c.unwrap().demo);
        } else {
            let err = c.unwrap_err();
            assert!(
                matches!(
                    err,
                    ConfigError::NotBuiltIn {
                        name: "MUTAKHIR_DEMO",
                        ..
                    }
                ),
                "{err}"
            );
        }
        let c = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_DEV_MAILBOX", "true"),
            ("MUTAKHIR_DEMO", "false"),
        ]);
        assert!(!c.unwrap().demo);
    }

    #[test]
    fn bad_values_are_named() {
        let err = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_DEV_MAILBOX", "true"),
            ("MUTAKHIR_DB_MAX_CONNECTIONS", "many"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("MUTAKHIR_DB_MAX_CONNECTIONS"));
        let err = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_DEV_MAILBOX", "true"),
            ("MUTAKHIR_LOG_FORMAT", "xml"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("MUTAKHIR_LOG_FORMAT"));
        let err = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_DEV_MAILBOX", "true"),
            ("MUTAKHIR_PUBLIC_ORIGIN", "mutakhir.go.id"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("http"));
    }
}
