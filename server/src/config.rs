//! Configuration from the environment. Every variable, its default and its
//! meaning is listed in the README; secrets only ever come from here.

use std::{env, time::Duration};

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

#[derive(Debug, Clone)]
pub struct Config {
    pub database: DatabaseConfig,
    /// The origin browsers see, e.g. `https://mutakhir.bkn.go.id`. Used for the
    /// cross-site request check and to decide whether cookies must be `Secure`.
    pub public_origin: Option<String>,
    pub log_format: LogFormat,
    /// Largest request body accepted anywhere (uploads have their own cap).
    pub max_body_bytes: usize,
    /// Loads the demo employees into an empty database at start-up and lets
    /// anyone read profiles: for demonstrations and tests only, never production.
    pub demo: bool,
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
        let max_body_bytes = parse_or(&get, "MUTAKHIR_MAX_BODY_BYTES", 1024 * 1024usize)?;
        let demo = match get("MUTAKHIR_DEMO").as_deref().map(str::trim) {
            None | Some("") | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "MUTAKHIR_DEMO",
                    value: other.to_owned(),
                    why: "expected `true` or `false`",
                })
            }
        };
        Ok(Self {
            database: DatabaseConfig {
                url,
                max_connections,
                acquire_timeout: Duration::from_secs(acquire_secs),
            },
            public_origin,
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

    /// A configuration for tests: everything at its default.
    pub fn for_tests(database_url: &str) -> Self {
        Self::from_lookup(|name| (name == "DATABASE_URL").then(|| database_url.to_owned()))
            .expect("defaults are valid")
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

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
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
    fn defaults_apply() {
        let c = config(&[("DATABASE_URL", "postgres://x")]).unwrap();
        assert_eq!(c.database.max_connections, 20);
        assert_eq!(c.log_format, LogFormat::Pretty);
        assert_eq!(c.max_body_bytes, 1024 * 1024);
        assert!(!c.secure_cookies());
    }

    #[test]
    fn https_origin_means_secure_cookies() {
        let c = config(&[
            ("DATABASE_URL", "postgres://x"),
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
    fn bad_values_are_named() {
        let err = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_DB_MAX_CONNECTIONS", "many"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("MUTAKHIR_DB_MAX_CONNECTIONS"));
        let err = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_LOG_FORMAT", "xml"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("MUTAKHIR_LOG_FORMAT"));
        let err = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("MUTAKHIR_PUBLIC_ORIGIN", "mutakhir.go.id"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("http"));
    }
}
