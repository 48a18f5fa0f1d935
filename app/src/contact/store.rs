//! Reconciliation rows; each write in one transaction with its audit entry.

use sqlx::PgPool;
use time::OffsetDateTime;

use crate::audit::{self, AuditEntry, AuditEvent};
use crate::contact_types::OpenStatement;

pub struct Found {
    pub pegawai_id: i64,
    pub name: String,
    /// Reconciliation is for accounts not yet activated: once someone holds the
    /// account, only the agency's admin changes its contact.
    pub activated: bool,
}

/// The employee with this NIP in this agency, if any.
pub async fn in_agency(
    pool: &PgPool,
    instansi_id: i32,
    nomor_induk: &str,
) -> Result<Option<Found>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"SELECT p.id, p.nama, EXISTS (SELECT 1 FROM akun a WHERE a.pegawai_id = p.id
                                          AND a.activated_at IS NOT NULL) AS "activated!"
             FROM pegawai p WHERE p.nomor_induk = $1 AND p.instansi_id = $2"#,
        nomor_induk,
        instansi_id
    )
    .fetch_optional(pool)
    .await?
    .map(|r| Found {
        pegawai_id: r.id,
        name: r.nama,
        activated: r.activated,
    }))
}

/// Spends a captcha; false when it was spent before.
pub async fn spend_captcha(pool: &PgPool, nonce: &[u8; 16]) -> Result<bool, sqlx::Error> {
    let fresh = sqlx::query!(
        "INSERT INTO captcha_terpakai (nonce) VALUES ($1) ON CONFLICT DO NOTHING",
        &nonce[..]
    )
    .execute(pool)
    .await?
    .rows_affected()
        == 1;
    // Spent captchas older than their lifetime can go.
    sqlx::query!("DELETE FROM captcha_terpakai WHERE used_at < now() - interval '1 day'")
        .execute(pool)
        .await?;
    Ok(fresh)
}

pub struct Statement<'a> {
    pub pegawai_id: i64,
    pub email: &'a str,
    pub nomor_hp: &'a str,
    pub token_hash: &'a [u8; 32],
    pub expires_at: OffsetDateTime,
    pub ip: Option<std::net::IpAddr>,
}

/// Records a statement, replacing the employee's open one; the caller sends the
/// confirmation mail, then audits it (`stated`) and commits.
pub async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    s: &Statement<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE rekonsiliasi_kontak SET status = 'diganti' WHERE pegawai_id = $1 AND status = 'menunggu'",
        s.pegawai_id
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO rekonsiliasi_kontak (pegawai_id, email, nomor_hp, token_hash, token_expires_at)
         VALUES ($1, $2, $3, $4, $5)",
        s.pegawai_id,
        s.email,
        s.nomor_hp,
        &s.token_hash[..],
        s.expires_at
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The statement's audit entry: last before the commit, after the mail went, since
/// an audit entry holds the audit chain's head until commit.
pub async fn stated(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    s: &Statement<'_>,
) -> Result<(), sqlx::Error> {
    audit::record(
        &mut **tx,
        AuditEvent::ContactStated,
        AuditEntry {
            actor: None,
            subject: Some(s.pegawai_id),
            ip: s.ip,
            detail: serde_json::json!({ "email": s.email, "nomor_hp": s.nomor_hp }),
        },
    )
    .await
}

/// Confirms the email of an open statement; false for an unknown, expired or
/// already decided link.
pub async fn confirm(pool: &PgPool, token_hash: &[u8; 32]) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let row = sqlx::query!(
        "UPDATE rekonsiliasi_kontak SET email_confirmed_at = coalesce(email_confirmed_at, now())
          WHERE token_hash = $1 AND status = 'menunggu' AND token_expires_at > now()
          RETURNING pegawai_id",
        &token_hash[..]
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else { return Ok(false) };
    audit::record(
        &mut *tx,
        AuditEvent::ContactConfirmed,
        AuditEntry {
            actor: Some(row.pegawai_id),
            subject: Some(row.pegawai_id),
            ..AuditEntry::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Open statements of one agency, confirmed first.
pub async fn open_in(pool: &PgPool, instansi_id: i32) -> Result<Vec<OpenStatement>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"SELECT r.id, p.nomor_induk, p.nama, r.email, r.nomor_hp,
                  r.email_confirmed_at IS NOT NULL AS "confirmed!"
             FROM rekonsiliasi_kontak r JOIN pegawai p ON p.id = r.pegawai_id
            WHERE p.instansi_id = $1 AND r.status = 'menunggu'
            ORDER BY r.email_confirmed_at IS NULL, r.created_at
            LIMIT 200"#,
        instansi_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| OpenStatement {
        id: r.id,
        nomor_induk: r.nomor_induk,
        nama: r.nama,
        email: r.email,
        nomor_hp: r.nomor_hp,
        email_confirmed: r.confirmed,
    })
    .collect())
}

/// The employee a statement is about, if it is still open.
pub async fn open_subject(pool: &PgPool, id: i64) -> Result<Option<(String, bool)>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"SELECT p.nomor_induk AS "nomor_induk!", r.email_confirmed_at IS NOT NULL AS "confirmed!"
             FROM rekonsiliasi_kontak r JOIN pegawai p ON p.id = r.pegawai_id
            WHERE r.id = $1 AND r.status = 'menunggu' AND p.nomor_induk IS NOT NULL"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .map(|r| (r.nomor_induk, r.confirmed)))
}

/// Approves (the contact goes into the record) or rejects an open statement.
pub async fn decide(
    pool: &PgPool,
    id: i64,
    actor: i64,
    approve: bool,
) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let row = sqlx::query!(
        "UPDATE rekonsiliasi_kontak SET status = $3, decided_by = $2, decided_at = now()
          WHERE id = $1 AND status = 'menunggu'
          RETURNING pegawai_id, email, nomor_hp",
        id,
        actor,
        if approve { "disetujui" } else { "ditolak" }
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else { return Ok(false) };
    if approve {
        sqlx::query!(
            "UPDATE pegawai SET email = $2, nomor_hp = $3, updated_at = now() WHERE id = $1",
            row.pegawai_id,
            row.email,
            row.nomor_hp
        )
        .execute(&mut *tx)
        .await?;
        crate::auth::store::retire_tokens(&mut *tx, row.pegawai_id).await?;
    }
    audit::record(
        &mut *tx,
        if approve {
            AuditEvent::ContactApproved
        } else {
            AuditEvent::ContactRejected
        },
        AuditEntry {
            actor: Some(actor),
            subject: Some(row.pegawai_id),
            ip: None,
            detail: serde_json::json!({ "rekonsiliasi": id, "email": row.email, "nomor_hp": row.nomor_hp }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
