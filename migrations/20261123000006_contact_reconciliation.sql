-- Contact reconciliation before activation: an employee states an active email
-- and mobile number for their agency, confirms the email by link, and the
-- agency's admin approves it into the record. One open statement per employee.
CREATE TABLE rekonsiliasi_kontak (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id         bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    email              text NOT NULL CONSTRAINT rekonsiliasi_email_check
                       CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(email) <= 254),
    nomor_hp           text NOT NULL CONSTRAINT rekonsiliasi_nomor_hp_check CHECK (nomor_hp ~ '^\+628[0-9]{7,11}$'),
    -- The confirmation link's token, as SHA-256.
    token_hash         bytea NOT NULL CONSTRAINT rekonsiliasi_token_unique UNIQUE
                       CONSTRAINT rekonsiliasi_token_length CHECK (length(token_hash) = 32),
    token_expires_at   timestamptz NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    email_confirmed_at timestamptz,
    status             text NOT NULL DEFAULT 'menunggu' CONSTRAINT rekonsiliasi_status_check
                       CHECK (status IN ('menunggu', 'disetujui', 'ditolak', 'diganti')),
    decided_by         bigint REFERENCES pegawai (id),
    decided_at         timestamptz,
    CONSTRAINT rekonsiliasi_decision CHECK ((status IN ('disetujui', 'ditolak')) = (decided_at IS NOT NULL))
);
CREATE UNIQUE INDEX rekonsiliasi_one_open_idx ON rekonsiliasi_kontak (pegawai_id) WHERE status = 'menunggu';

-- Captcha answers already spent: a solved captcha works once.
CREATE TABLE captcha_terpakai (
    nonce   bytea PRIMARY KEY CONSTRAINT captcha_nonce_length CHECK (length(nonce) = 16),
    used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX captcha_terpakai_used_at_idx ON captcha_terpakai (used_at);
CREATE INDEX rekonsiliasi_pegawai_idx ON rekonsiliasi_kontak (pegawai_id);

-- A verifier's level is the level of their scope.
ALTER TABLE peran ADD CONSTRAINT peran_tingkat_fits_scope CHECK (
    tingkat IS NULL
    OR tingkat = CASE lingkup WHEN 'unit_kerja' THEN 1 WHEN 'instansi' THEN 2 WHEN 'kanreg' THEN 3 ELSE 4 END);
