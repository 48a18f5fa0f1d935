//! Account rows in PostgreSQL: who a sign-in identifier is, tokens, password
//! hashes, failure counters, roles. Plain data in and out; the flows that combine
//! them live in `service`.

use sqlx::{PgExecutor, PgPool, Postgres, Transaction};
use time::OffsetDateTime;

use super::access::{Placement, Principal, Role, Scope};
use super::login_id::LoginId;
use super::mail::TokenPurpose;

/// An employee as the account flows need them.
#[derive(Clone, Debug)]
pub struct AccountHolder {
    pub pegawai_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub password_hash: Option<String>,
    /// The password of a self-registration still waiting for the verifier.
    pub pending_registration_hash: Option<String>,
    /// The agency asks for self-registration instead of an emailed token.
    pub self_registration: bool,
    pub identifier: String,
}

pub async fn holder(pool: &PgPool, id: &LoginId) -> Result<Option<AccountHolder>, sqlx::Error> {
    // Two statements rather than one with an OR, so each keeps its index in a
    // cached generic plan.
    macro_rules! holder_by {
        ($condition:tt, $value:expr) => {
            sqlx::query!(
                r#"SELECT p.id, p.nama, p.email, a.password_hash AS "password_hash?",
                          (SELECT r.password_hash FROM registrasi r
                            WHERE r.pegawai_id = p.id AND r.status = 'menunggu') AS "pending_hash?",
                          i.cara_aktivasi = 'registrasi_mandiri' AS "self_registration!"
                     FROM pegawai p
                     JOIN instansi i ON i.id = p.instansi_id
                     LEFT JOIN akun a ON a.pegawai_id = p.id
                    WHERE "# + $condition,
                $value
            )
            .fetch_optional(pool)
            .await?
            .map(|r| AccountHolder {
                pegawai_id: r.id,
                name: r.nama,
                email: r.email,
                password_hash: r.password_hash,
                pending_registration_hash: r.pending_hash,
                self_registration: r.self_registration,
                identifier: id.as_str().to_owned(),
            })
        };
    }
    Ok(match id {
        LoginId::NomorInduk(n) => holder_by!("p.nomor_induk = $1", n.as_str()),
        LoginId::Nik(n) => holder_by!("p.nik = $1 AND p.jenis = 'ppt_non_asn'", n.as_str()),
    })
}

pub async fn tokens_since(
    db: impl PgExecutor<'_>,
    pegawai_id: i64,
    since: OffsetDateTime,
) -> Result<i64, sqlx::Error> {
    let n = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM token_akun WHERE pegawai_id = $1 AND created_at > $2"#,
        pegawai_id,
        since
    )
    .fetch_one(db)
    .await?;
    Ok(n)
}

/// Stores a new token, retiring every earlier one of the account.
pub async fn insert_token(
    tx: &mut Transaction<'_, Postgres>,
    pegawai_id: i64,
    purpose: TokenPurpose,
    hash: &[u8; 32],
    expires_at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO akun (pegawai_id) VALUES ($1) ON CONFLICT (pegawai_id) DO NOTHING",
        pegawai_id
    )
    .execute(&mut **tx)
    .await?;
    retire_tokens(&mut **tx, pegawai_id).await?;
    sqlx::query!(
        "INSERT INTO token_akun (pegawai_id, tujuan, token_hash, expires_at) VALUES ($1, $2, $3, $4)",
        pegawai_id,
        purpose.code(),
        &hash[..],
        expires_at
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub struct StoredToken {
    pub id: i64,
    pub pegawai_id: i64,
    pub expired: bool,
    pub used: bool,
    pub superseded: bool,
    pub identifier: String,
    /// The account is not active and its agency now asks for self-registration.
    pub needs_registration: bool,
}

/// Retires every unused token of the account: after its contact changes, a token
/// mailed to the old address must not work.
pub async fn retire_tokens(db: impl PgExecutor<'_>, pegawai_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE token_akun SET superseded_at = now()
          WHERE pegawai_id = $1 AND used_at IS NULL AND superseded_at IS NULL",
        pegawai_id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Locks the token's row, so two tabs redeeming it at once cannot both win.
pub async fn token_for_update(
    tx: &mut Transaction<'_, Postgres>,
    hash: &[u8; 32],
) -> Result<Option<StoredToken>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT t.id, t.pegawai_id, t.expires_at <= now() AS "expired!",
                  t.used_at IS NOT NULL AS "used!", t.superseded_at IS NOT NULL AS "superseded!",
                  coalesce(p.nomor_induk, p.nik) AS "identifier!",
                  (i.cara_aktivasi = 'registrasi_mandiri'
                   AND NOT EXISTS (SELECT 1 FROM akun a
                                    WHERE a.pegawai_id = p.id AND a.activated_at IS NOT NULL)) AS "needs_registration!"
             FROM token_akun t
             JOIN pegawai p ON p.id = t.pegawai_id
             JOIN instansi i ON i.id = p.instansi_id
            WHERE t.token_hash = $1
              FOR UPDATE OF t"#,
        &hash[..]
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| StoredToken {
        id: r.id,
        pegawai_id: r.pegawai_id,
        expired: r.expired,
        used: r.used,
        superseded: r.superseded,
        identifier: r.identifier,
        needs_registration: r.needs_registration,
    }))
}

/// Spends the token and sets the password; ends every existing session.
pub async fn set_password(
    tx: &mut Transaction<'_, Postgres>,
    token_id: i64,
    pegawai_id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE token_akun SET used_at = now() WHERE id = $1",
        token_id
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "UPDATE akun SET password_hash = $2, activated_at = coalesce(activated_at, now()),
                password_changed_at = now(), session_epoch = session_epoch + 1
          WHERE pegawai_id = $1",
        pegawai_id,
        password_hash
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The identifier's lock, if it is locked now.
pub async fn locked_until(
    db: impl PgExecutor<'_>,
    identifier: &str,
) -> Result<Option<OffsetDateTime>, sqlx::Error> {
    let until = sqlx::query_scalar!(
        "SELECT locked_until FROM kegagalan_masuk WHERE identifier = $1 AND locked_until > now()",
        identifier
    )
    .fetch_optional(db)
    .await?
    .flatten();
    Ok(until)
}

/// Counts a failure (a day without failures starts the count again) and
/// returns the new count.
pub async fn record_failure(db: impl PgExecutor<'_>, identifier: &str) -> Result<i32, sqlx::Error> {
    sqlx::query_scalar!(
        r#"INSERT INTO kegagalan_masuk AS k (identifier, failures) VALUES ($1, 1)
           ON CONFLICT (identifier) DO UPDATE
              SET failures = CASE WHEN k.last_failed_at < now() - interval '1 day' THEN 1
                                  ELSE k.failures + 1 END,
                  last_failed_at = now()
           RETURNING failures"#,
        identifier
    )
    .fetch_one(db)
    .await
}

pub async fn lock(
    db: impl PgExecutor<'_>,
    identifier: &str,
    seconds: f64,
) -> Result<OffsetDateTime, sqlx::Error> {
    sqlx::query_scalar!(
        r#"UPDATE kegagalan_masuk SET locked_until = now() + make_interval(secs => $2)
            WHERE identifier = $1 RETURNING locked_until AS "until!""#,
        identifier,
        seconds
    )
    .fetch_one(db)
    .await
}

pub async fn clear_failures(db: impl PgExecutor<'_>, identifier: &str) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM kegagalan_masuk WHERE identifier = $1",
        identifier
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn session_epoch(
    db: impl PgExecutor<'_>,
    pegawai_id: i64,
) -> Result<Option<i32>, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT session_epoch FROM akun WHERE pegawai_id = $1 AND activated_at IS NOT NULL",
        pegawai_id
    )
    .fetch_optional(db)
    .await
}

pub async fn bump_epoch(db: impl PgExecutor<'_>, pegawai_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE akun SET session_epoch = session_epoch + 1 WHERE pegawai_id = $1",
        pegawai_id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The signed-in caller with what the page header shows of them.
pub struct Holder {
    pub principal: Principal,
    pub name: String,
    /// None for PPT Non-ASN, who sign in with their NIK.
    pub nomor_induk: Option<String>,
}

/// The signed-in caller, if the account is active and still in the session's
/// epoch: one round trip per request.
pub async fn principal(
    db: impl PgExecutor<'_>,
    pegawai_id: i64,
    epoch: i32,
) -> Result<Option<Holder>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT p.id, p.nama, p.nomor_induk, p.unit_kerja_id, p.instansi_id, i.kanreg_id,
                  coalesce(jsonb_agg(jsonb_build_object(
                      'peran', r.peran, 'lingkup', r.lingkup, 'unit_kerja_id', r.unit_kerja_id,
                      'instansi_id', r.instansi_id, 'kanreg_id', r.kanreg_id, 'tingkat', r.tingkat))
                      FILTER (WHERE r.id IS NOT NULL), '[]') AS "roles!"
             FROM akun a
             JOIN pegawai p ON p.id = a.pegawai_id
             JOIN instansi i ON i.id = p.instansi_id
             LEFT JOIN peran r ON r.pegawai_id = p.id
            WHERE a.pegawai_id = $1 AND a.session_epoch = $2 AND a.activated_at IS NOT NULL
            GROUP BY p.id, i.kanreg_id"#,
        pegawai_id,
        epoch
    )
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let stored: Vec<StoredRole> =
        serde_json::from_value(row.roles).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let principal = Principal {
        pegawai_id: row.id,
        placement: Placement {
            unit_kerja_id: row.unit_kerja_id,
            instansi_id: row.instansi_id,
            kanreg_id: row.kanreg_id,
        },
        roles: stored
            .into_iter()
            .filter_map(StoredRole::into_role)
            .collect(),
    };
    Ok(Some(Holder {
        principal,
        name: row.nama,
        nomor_induk: row.nomor_induk,
    }))
}

#[derive(serde::Deserialize)]
struct StoredRole {
    peran: String,
    lingkup: String,
    unit_kerja_id: Option<i64>,
    instansi_id: Option<i32>,
    kanreg_id: Option<i16>,
    tingkat: Option<i16>,
}

impl StoredRole {
    /// The table's checks make every row convertible; anything else is skipped
    /// rather than granting more than was stored.
    fn into_role(self) -> Option<Role> {
        let scope = match (
            self.lingkup.as_str(),
            self.unit_kerja_id,
            self.instansi_id,
            self.kanreg_id,
        ) {
            ("unit_kerja", Some(u), _, _) => Scope::UnitKerja(u),
            ("instansi", _, Some(i), _) => Scope::Instansi(i),
            ("kanreg", _, _, Some(k)) => Scope::Kanreg(k),
            ("pusat", _, _, _) => Scope::Pusat,
            _ => return None,
        };
        match (self.peran.as_str(), scope) {
            ("verifikator", scope) => Some(Role::Verifikator {
                scope,
                tingkat: u8::try_from(self.tingkat?).ok()?,
            }),
            ("admin_instansi", Scope::Instansi(instansi)) => Some(Role::AdminInstansi { instansi }),
            ("admin_bkn", Scope::Pusat) => Some(Role::AdminBkn),
            _ => None,
        }
    }
}

/// Where an employee sits, for authorising actions on them.
pub async fn subject_by_nomor_induk(
    db: impl PgExecutor<'_>,
    nomor_induk: &str,
) -> Result<Option<super::access::Subject>, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT p.id, p.unit_kerja_id, p.instansi_id, i.kanreg_id
           FROM pegawai p JOIN instansi i ON i.id = p.instansi_id
          WHERE p.nomor_induk = $1",
        nomor_induk
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| super::access::Subject {
        pegawai_id: r.id,
        placement: Placement {
            unit_kerja_id: r.unit_kerja_id,
            instansi_id: r.instansi_id,
            kanreg_id: r.kanreg_id,
        },
    }))
}
