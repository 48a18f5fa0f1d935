-- Self-service proposals (usul pemutakhiran), their supporting documents, their
-- timelines and the update period they are accepted in.

-- The self-update period: the national window (instansi_id NULL) and agencies' own
-- windows (an extension, or a later start), which win over the national one.
CREATE TABLE periode_pemutakhiran (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instansi_id integer REFERENCES instansi (id) ON DELETE CASCADE,
    dibuka      timestamptz NOT NULL,
    ditutup     timestamptz NOT NULL,
    diubah_oleh bigint REFERENCES pegawai (id) ON DELETE SET NULL,
    diubah_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT periode_pemutakhiran_order CHECK (ditutup > dibuka),
    CONSTRAINT periode_pemutakhiran_one_per_scope UNIQUE NULLS NOT DISTINCT (instansi_id)
);

-- Uploaded files. The bytes live in the object store under their SHA-256; this is
-- who uploaded what. A row exists only once the bytes are stored.
CREATE TABLE dokumen (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pemilik_id  bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    sha256      bytea NOT NULL CONSTRAINT dokumen_sha256_length CHECK (length(sha256) = 32),
    jenis       text NOT NULL CONSTRAINT dokumen_jenis_check CHECK (jenis IN ('pdf', 'jpeg', 'png')),
    ukuran      integer NOT NULL CONSTRAINT dokumen_ukuran_check CHECK (ukuran > 0),
    -- As the client named it, for display only (never used as a path).
    nama        text NOT NULL CONSTRAINT dokumen_nama_check CHECK (length(nama) <= 200),
    diunggah_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dokumen_pemilik_idx ON dokumen (pemilik_id, id);

CREATE TABLE usulan (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id      bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    riwayat         text NOT NULL CONSTRAINT usulan_riwayat_check CHECK (riwayat IN (
                        'jabatan', 'pendidikan', 'diklat', 'skp', 'penghargaan', 'pangkat',
                        'keluarga', 'peninjauan_masa_kerja', 'pindah_instansi', 'cltn',
                        'cpns_pns', 'organisasi')),
    -- The record it changes; NULL for a new record and for CPNS/PNS (one per employee).
    record_id       bigint,
    baru            boolean NOT NULL,
    -- The record as it stood when proposed (NULL for a new one) and as proposed.
    nilai_lama      jsonb,
    nilai_baru      jsonb NOT NULL,
    dokumen_id      bigint NOT NULL REFERENCES dokumen (id),
    jenis_dokumen   text NOT NULL,
    -- The levels that must approve, in order, fixed at submission.
    rantai          smallint[] NOT NULL CONSTRAINT usulan_rantai_check
                    CHECK (cardinality(rantai) BETWEEN 1 AND 4 AND rantai <@ ARRAY[1, 2, 3, 4]::smallint[]),
    status          text NOT NULL CONSTRAINT usulan_status_check
                    CHECK (status IN ('diajukan', 'dikembalikan', 'diterapkan', 'ditolak', 'ditarik')),
    tahap           smallint NOT NULL DEFAULT 0,
    -- Chosen by the client per submission: a retry or a double tap finds the first.
    kunci_idempoten uuid NOT NULL,
    diajukan_at     timestamptz NOT NULL DEFAULT now(),
    diubah_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT usulan_tahap_in_chain CHECK (tahap >= 0 AND tahap < cardinality(rantai)),
    CONSTRAINT usulan_new_has_no_record CHECK (NOT (baru AND record_id IS NOT NULL)),
    CONSTRAINT usulan_idempotent UNIQUE (pegawai_id, kunci_idempoten)
);
-- One open proposal per record, whatever the UI does.
CREATE UNIQUE INDEX usulan_one_open_per_record ON usulan (pegawai_id, riwayat, coalesce(record_id, 0))
    WHERE status IN ('diajukan', 'dikembalikan') AND NOT baru;
CREATE INDEX usulan_pegawai_idx ON usulan (pegawai_id, id DESC);
CREATE INDEX usulan_dokumen_idx ON usulan (dokumen_id);

-- Every step of every proposal, in order. The id is the event id the live
-- tracking stream resumes from.
CREATE TABLE usulan_peristiwa (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    usulan_id  bigint NOT NULL REFERENCES usulan (id) ON DELETE CASCADE,
    pegawai_id bigint NOT NULL,
    jenis      text NOT NULL CONSTRAINT usulan_peristiwa_jenis_check CHECK (jenis IN (
                   'diajukan', 'disetujui', 'dikembalikan', 'diajukan_ulang', 'diterapkan',
                   'ditolak', 'ditarik')),
    -- The level that decided (1 unit kerja … 4 BKN Pusat), for verifiers' steps.
    tingkat    smallint,
    aktor_id   bigint,
    alasan     text,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usulan_peristiwa_usulan_idx ON usulan_peristiwa (usulan_id, id);
CREATE INDEX usulan_peristiwa_pegawai_idx ON usulan_peristiwa (pegawai_id, id);

-- Every step is announced at commit to whoever listens (each app server), whatever
-- code wrote it; the payload only points at the row.
CREATE FUNCTION usulan_peristiwa_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('usulan_peristiwa',
        json_build_object('id', NEW.id, 'pegawai_id', NEW.pegawai_id, 'usulan_id', NEW.usulan_id)::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER usulan_peristiwa_notify AFTER INSERT ON usulan_peristiwa
    FOR EACH ROW EXECUTE FUNCTION usulan_peristiwa_notify();
