-- Accounts, roles, emailed tokens, sign-in throttling and the audit log.
-- Every account belongs to an employee: verifiers and admins are ASN too.

CREATE TABLE akun (
    pegawai_id          bigint PRIMARY KEY REFERENCES pegawai (id) ON DELETE CASCADE,
    -- argon2id PHC string; NULL until the account is activated.
    password_hash       text CONSTRAINT akun_password_hash_check CHECK (password_hash LIKE '$argon2id$%'),
    activated_at        timestamptz,
    password_changed_at timestamptz,
    -- Bumped by "log out everywhere" and by a password change: sessions carry the
    -- epoch they were created in and die when it moves on.
    session_epoch       integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT akun_activated_has_password CHECK ((activated_at IS NULL) = (password_hash IS NULL))
);

-- Single-use tokens for activation and password reset. Only the SHA-256 of the
-- token is kept, so a copy of the database cannot be used to sign in.
CREATE TABLE token_akun (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id    bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    tujuan        text NOT NULL CONSTRAINT token_akun_tujuan_check CHECK (tujuan IN ('aktivasi', 'reset')),
    token_hash    bytea NOT NULL CONSTRAINT token_akun_hash_unique UNIQUE
                  CONSTRAINT token_akun_hash_length CHECK (length(token_hash) = 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    -- Set when a newer token is issued: only the newest one works.
    superseded_at timestamptz,
    CONSTRAINT token_akun_expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX token_akun_pegawai_idx ON token_akun (pegawai_id, created_at);

-- Failed sign-ins per identifier, known or not: an unknown NIP locks exactly
-- like a real one, so the lock reveals nothing about who exists.
CREATE TABLE kegagalan_masuk (
    identifier     text PRIMARY KEY CONSTRAINT kegagalan_masuk_identifier_check CHECK (identifier ~ '^[0-9]{16}([0-9]{2})?$'),
    failures       integer NOT NULL CONSTRAINT kegagalan_masuk_failures_check CHECK (failures > 0),
    last_failed_at timestamptz NOT NULL DEFAULT now(),
    locked_until   timestamptz
);

CREATE TABLE peran (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id    bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    peran         text NOT NULL CONSTRAINT peran_peran_check CHECK (peran IN ('verifikator', 'admin_instansi', 'admin_bkn')),
    lingkup       text NOT NULL CONSTRAINT peran_lingkup_check CHECK (lingkup IN ('unit_kerja', 'instansi', 'kanreg', 'pusat')),
    unit_kerja_id bigint REFERENCES unit_kerja (id),
    instansi_id   integer REFERENCES instansi (id),
    kanreg_id     smallint REFERENCES kanreg (id),
    -- Verification level: 1 unit kerja, 2 instansi (BKD), 3 Kanreg, 4 BKN Pusat.
    tingkat       smallint CONSTRAINT peran_tingkat_check CHECK (tingkat BETWEEN 1 AND 4),
    diangkat_oleh bigint REFERENCES pegawai (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- Exactly the column of its scope is set.
    CONSTRAINT peran_scope_columns CHECK (
        (unit_kerja_id IS NOT NULL) = (lingkup = 'unit_kerja')
        AND (instansi_id IS NOT NULL) = (lingkup = 'instansi')
        AND (kanreg_id IS NOT NULL) = (lingkup = 'kanreg')),
    CONSTRAINT peran_fits_role CHECK (
        (peran = 'verifikator' AND tingkat IS NOT NULL)
        OR (peran = 'admin_instansi' AND lingkup = 'instansi' AND tingkat IS NULL)
        OR (peran = 'admin_bkn' AND lingkup = 'pusat' AND tingkat IS NULL)),
    CONSTRAINT peran_unique UNIQUE NULLS NOT DISTINCT (pegawai_id, peran, lingkup, unit_kerja_id, instansi_id, kanreg_id, tingkat)
);
CREATE INDEX peran_pegawai_idx ON peran (pegawai_id);

-- Append-only record of every authentication event, failed authorisation and
-- decision. No foreign keys: the trail outlives what it mentions.
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    event         text NOT NULL,
    actor_id      bigint,
    subject_id    bigint,
    ip            inet,
    detail        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_event_idx ON audit_log (event, at);
