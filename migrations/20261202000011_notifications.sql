-- Telling the employee about every decision on their proposals.
--
-- In the app: a notification is the decision's own timeline step (usulan_peristiwa),
-- so none can be missed or duplicated; the account keeps how far its owner has read.
-- By email: an outbox row per decision, written in the decision's transaction and
-- delivered after commit by any app server (SKIP LOCKED), retried with backoff, so a
-- slow or failing mail server neither stalls nor loses a decision.

ALTER TABLE akun ADD COLUMN notifikasi_dibaca_sampai bigint NOT NULL DEFAULT 0;

CREATE TABLE surat_notifikasi (
    peristiwa_id bigint PRIMARY KEY REFERENCES usulan_peristiwa (id) ON DELETE CASCADE,
    status       text NOT NULL DEFAULT 'menunggu'
                 CONSTRAINT surat_notifikasi_status_check
                 CHECK (status IN ('menunggu', 'terkirim', 'tanpa_alamat', 'gagal')),
    percobaan    smallint NOT NULL DEFAULT 0,
    coba_lagi    timestamptz NOT NULL DEFAULT now(),
    terkirim     timestamptz,
    -- The mail server's last answer when sending failed.
    galat        text,
    CONSTRAINT surat_notifikasi_terkirim_check CHECK ((status = 'terkirim') = (terkirim IS NOT NULL))
);
CREATE INDEX surat_notifikasi_menunggu_idx ON surat_notifikasi (coba_lagi) WHERE status = 'menunggu';
