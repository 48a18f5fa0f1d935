-- The older ePUPNS way in: an agency may require self-registration instead of the
-- emailed token. The employee registers (identifier, birth date, password), prints a
-- two-part proof, hands the first part to the registration verifier of their work
-- unit, who grants access after checking who they are.
ALTER TABLE instansi
    ADD COLUMN cara_aktivasi text NOT NULL DEFAULT 'token_email'
        CONSTRAINT instansi_cara_aktivasi_check CHECK (cara_aktivasi IN ('token_email', 'registrasi_mandiri'));

CREATE TABLE registrasi (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id    bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    -- Printed on both parts of the proof; random, so it cannot be guessed.
    nomor         text NOT NULL CONSTRAINT registrasi_nomor_unique UNIQUE
                  CONSTRAINT registrasi_nomor_check CHECK (nomor ~ '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
    -- The chosen password, hashed; it becomes the account's when access is granted.
    password_hash text NOT NULL CONSTRAINT registrasi_password_hash_check CHECK (password_hash LIKE '$argon2id$%'),
    created_at    timestamptz NOT NULL DEFAULT now(),
    status        text NOT NULL DEFAULT 'menunggu' CONSTRAINT registrasi_status_check
                  CHECK (status IN ('menunggu', 'disetujui', 'ditolak', 'diganti')),
    decided_by    bigint REFERENCES pegawai (id),
    decided_at    timestamptz,
    alasan        text CONSTRAINT registrasi_alasan_length CHECK (length(alasan) <= 500),
    CONSTRAINT registrasi_decision CHECK (
        (status IN ('disetujui', 'ditolak')) = (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
    CONSTRAINT registrasi_rejection_has_reason CHECK (status <> 'ditolak' OR alasan IS NOT NULL)
);
-- One registration waits per employee; a new one replaces it ('diganti').
CREATE UNIQUE INDEX registrasi_one_open_idx ON registrasi (pegawai_id) WHERE status = 'menunggu';
CREATE INDEX registrasi_open_created_idx ON registrasi (created_at) WHERE status = 'menunggu';
