//! Who uploaded which file, in PostgreSQL. The bytes are in the object store.

use sqlx::PgPool;

use super::kind::DocumentKind;
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::{Placement, Subject};

/// A stored document and where its owner sits (for authorising reads).
#[derive(Clone, Debug)]
pub struct StoredDocument {
    pub id: i64,
    pub owner: Subject,
    pub sha256: Vec<u8>,
    pub kind: DocumentKind,
    pub size: i32,
    pub name: String,
}

/// Records an upload whose bytes are already stored, with its audit entry.
pub async fn insert(
    pool: &PgPool,
    owner: i64,
    sha256: &[u8; 32],
    kind: DocumentKind,
    size: i32,
    name: &str,
    ip: Option<std::net::IpAddr>,
) -> Result<i64, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO dokumen (pemilik_id, sha256, jenis, ukuran, nama)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        owner,
        &sha256[..],
        kind.code(),
        size,
        name
    )
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        AuditEvent::DocumentUploaded,
        AuditEntry {
            actor: Some(owner),
            subject: Some(owner),
            ip,
            detail: serde_json::json!({ "dokumen_id": id, "jenis": kind.code(), "ukuran": size }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn find(
    pool: impl sqlx::PgExecutor<'_>,
    id: i64,
) -> Result<Option<StoredDocument>, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT d.id, d.pemilik_id, d.sha256, d.jenis, d.ukuran, d.nama,
                p.unit_kerja_id, p.instansi_id, i.kanreg_id
           FROM dokumen d
           JOIN pegawai p ON p.id = d.pemilik_id
           JOIN instansi i ON i.id = p.instansi_id
          WHERE d.id = $1",
        id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        Some(StoredDocument {
            id: r.id,
            owner: Subject {
                pegawai_id: r.pemilik_id,
                placement: Placement {
                    unit_kerja_id: r.unit_kerja_id,
                    instansi_id: r.instansi_id,
                    kanreg_id: r.kanreg_id,
                },
            },
            sha256: r.sha256,
            kind: DocumentKind::from_code(&r.jenis)?,
            size: r.ukuran,
            name: r.nama,
        })
    }))
}
