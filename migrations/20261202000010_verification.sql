-- Verification: approval chains as data, the verifier queue and its claims, decisions
-- that write the master record with the previous version kept, and an audit log whose
-- rows are chained by hashes.

-- Which levels approve each history, in order (1 unit kerja, 2 instansi, 3 Kanreg,
-- 4 BKN Pusat). Read when a proposal is submitted and fixed on it, so a change here
-- never reroutes a proposal already under way. The defaults are unverified (drawn from
-- the seeds: family and training data are the agency's business; rank, appointment,
-- service-period, transfer and leave data need BKN too); BKN's admin changes them.
CREATE TABLE rantai_persetujuan (
    riwayat     text PRIMARY KEY CONSTRAINT rantai_persetujuan_riwayat_check CHECK (riwayat IN (
                    'jabatan', 'pendidikan', 'diklat', 'skp', 'penghargaan', 'pangkat',
                    'keluarga', 'peninjauan_masa_kerja', 'pindah_instansi', 'cltn',
                    'cpns_pns', 'organisasi', 'data_personal')),
    tingkat     smallint[] NOT NULL CONSTRAINT rantai_persetujuan_tingkat_check
                CHECK (cardinality(tingkat) BETWEEN 1 AND 4 AND tingkat <@ ARRAY[1, 2, 3, 4]::smallint[]),
    diubah_oleh bigint REFERENCES pegawai (id) ON DELETE SET NULL,
    diubah_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO rantai_persetujuan (riwayat, tingkat) VALUES
    ('pangkat', '{2,4}'), ('cpns_pns', '{2,4}'), ('peninjauan_masa_kerja', '{2,4}'),
    ('pindah_instansi', '{2,4}'), ('cltn', '{2,4}'),
    ('jabatan', '{2}'), ('pendidikan', '{2}'), ('diklat', '{2}'), ('skp', '{2}'),
    ('penghargaan', '{2}'), ('keluarga', '{2}'), ('organisasi', '{2}'), ('data_personal', '{2}');

-- Where the employee sat when they proposed, and where the proposal waits: kept on
-- the row so that a verifier's queue is one range of one index, whatever its size.
ALTER TABLE usulan
    ADD COLUMN instansi_id      integer,
    ADD COLUMN unit_kerja_id    bigint,
    ADD COLUMN kanreg_id        smallint,
    ADD COLUMN tingkat_menunggu smallint
        GENERATED ALWAYS AS (CASE WHEN status = 'diajukan' THEN rantai[tahap + 1] END) STORED,
    -- Since when it waits at its current level (the queue's order and the SLA's age).
    ADD COLUMN menunggu_sejak   timestamptz NOT NULL DEFAULT now(),
    -- A verifier's lease: nobody else decides it until it runs out.
    ADD COLUMN diklaim_oleh     bigint REFERENCES pegawai (id) ON DELETE SET NULL,
    ADD COLUMN klaim_sampai     timestamptz;

UPDATE usulan u
   SET instansi_id = p.instansi_id, unit_kerja_id = p.unit_kerja_id, kanreg_id = i.kanreg_id,
       menunggu_sejak = u.diubah_at
  FROM pegawai p JOIN instansi i ON i.id = p.instansi_id
 WHERE p.id = u.pegawai_id;

-- Whatever code inserts a proposal, it carries its employee's placement.
CREATE FUNCTION usulan_placement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT p.instansi_id, p.unit_kerja_id, i.kanreg_id
      INTO NEW.instansi_id, NEW.unit_kerja_id, NEW.kanreg_id
      FROM pegawai p JOIN instansi i ON i.id = p.instansi_id
     WHERE p.id = NEW.pegawai_id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER usulan_placement BEFORE INSERT ON usulan
    FOR EACH ROW EXECUTE FUNCTION usulan_placement();

ALTER TABLE usulan
    ALTER COLUMN instansi_id SET NOT NULL,
    ALTER COLUMN unit_kerja_id SET NOT NULL,
    ALTER COLUMN kanreg_id SET NOT NULL,
    ADD CONSTRAINT usulan_claim_whole CHECK ((diklaim_oleh IS NULL) = (klaim_sampai IS NULL));

-- One queue index per kind of scope: a verifier of a unit, an agency, a Kanreg or
-- BKN Pusat reads its level's waiting proposals oldest first from one of these.
CREATE INDEX usulan_antrian_unit_idx ON usulan (tingkat_menunggu, unit_kerja_id, menunggu_sejak, id)
    WHERE status = 'diajukan';
CREATE INDEX usulan_antrian_instansi_idx ON usulan (tingkat_menunggu, instansi_id, menunggu_sejak, id)
    WHERE status = 'diajukan';
CREATE INDEX usulan_antrian_kanreg_idx ON usulan (tingkat_menunggu, kanreg_id, menunggu_sejak, id)
    WHERE status = 'diajukan';
CREATE INDEX usulan_antrian_pusat_idx ON usulan (tingkat_menunggu, menunggu_sejak, id)
    WHERE status = 'diajukan';
-- Counts per status within an agency (the dashboard's summary).
CREATE INDEX usulan_instansi_status_idx ON usulan (instansi_id, status);

-- A verifier's correction of an obvious typo: the proposed values before and after it.
ALTER TABLE usulan_peristiwa ADD COLUMN koreksi jsonb;

-- Every version a decision replaced: the row as it was (NULL when the proposal added
-- the record) and as it became.
CREATE TABLE riwayat_versi (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    riwayat    text NOT NULL,
    record_id  bigint,
    nilai_lama jsonb,
    nilai_baru jsonb NOT NULL,
    usulan_id  bigint NOT NULL REFERENCES usulan (id),
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX riwayat_versi_pegawai_idx ON riwayat_versi (pegawai_id, riwayat, record_id, id);

-- Writes one record of one history from its columns (`baris`: column name to value,
-- as `to_jsonb` of the table would give them), keeping the version it replaces.
-- `rekam` is the record's id, NULL for a new one; CPNS/PNS is one row per employee.
-- Returns the record's id (NULL for CPNS/PNS).
CREATE FUNCTION riwayat_tulis(p_riwayat text, p_pegawai bigint, p_rekam bigint, p_baris jsonb, p_usulan bigint)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    tabel text := CASE p_riwayat
        WHEN 'jabatan' THEN 'riwayat_jabatan' WHEN 'pendidikan' THEN 'riwayat_pendidikan'
        WHEN 'diklat' THEN 'riwayat_diklat' WHEN 'skp' THEN 'riwayat_skp'
        WHEN 'penghargaan' THEN 'riwayat_penghargaan' WHEN 'pangkat' THEN 'riwayat_pangkat'
        WHEN 'keluarga' THEN 'riwayat_keluarga' WHEN 'peninjauan_masa_kerja' THEN 'riwayat_pmk'
        WHEN 'pindah_instansi' THEN 'riwayat_pindah_instansi' WHEN 'cltn' THEN 'riwayat_cltn'
        WHEN 'cpns_pns' THEN 'riwayat_cpns_pns' WHEN 'organisasi' THEN 'riwayat_organisasi'
    END;
    kolom text;
    nilai text;
    lama jsonb;
    baru jsonb;
    hasil bigint;
    kunci text;
BEGIN
    IF tabel IS NULL THEN
        RAISE EXCEPTION 'unknown history %', p_riwayat;
    END IF;
    SELECT string_agg(quote_ident(k), ', ' ORDER BY k), string_agg('r.' || quote_ident(k), ', ' ORDER BY k)
      INTO kolom, nilai
      FROM jsonb_object_keys(p_baris - 'id' - 'pegawai_id') AS k;
    kunci := CASE WHEN p_riwayat = 'cpns_pns' THEN 'pegawai_id' ELSE 'id' END;
    IF p_riwayat <> 'cpns_pns' AND p_rekam IS NOT NULL THEN
        EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.id = $1 AND t.pegawai_id = $2 FOR UPDATE', tabel)
           INTO lama USING p_rekam, p_pegawai;
        IF lama IS NULL THEN
            RAISE EXCEPTION 'record % of % not found', p_rekam, tabel USING ERRCODE = 'no_data_found';
        END IF;
    ELSIF p_riwayat = 'cpns_pns' THEN
        EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.pegawai_id = $1 FOR UPDATE', tabel)
           INTO lama USING p_pegawai;
    END IF;
    IF lama IS NULL THEN
        EXECUTE format('INSERT INTO %I (pegawai_id, %s) SELECT $1, %s FROM jsonb_populate_record(NULL::%I, $2) r RETURNING %I',
                       tabel, kolom, nilai, tabel, kunci)
           INTO hasil USING p_pegawai, p_baris;
    ELSE
        EXECUTE format('UPDATE %I t SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::%I, $2) r) WHERE t.%I = $1 RETURNING t.%I',
                       tabel, kolom, nilai, tabel, kunci, kunci)
           INTO hasil USING coalesce(p_rekam, p_pegawai), p_baris;
    END IF;
    EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.%I = $1', tabel, kunci) INTO baru USING hasil;
    INSERT INTO riwayat_versi (pegawai_id, riwayat, record_id, nilai_lama, nilai_baru, usulan_id)
    VALUES (p_pegawai, p_riwayat, CASE WHEN p_riwayat = 'cpns_pns' THEN NULL ELSE hasil END, lama, baru, p_usulan);
    -- The employee row carries the current rank and position: keep them the latest's.
    IF p_riwayat = 'pangkat' THEN
        UPDATE pegawai SET golongan = (SELECT r.golongan FROM riwayat_pangkat r WHERE r.pegawai_id = p_pegawai
                                        ORDER BY r.tmt DESC LIMIT 1)
         WHERE id = p_pegawai;
    ELSIF p_riwayat = 'jabatan' THEN
        UPDATE pegawai SET jabatan = (SELECT r.nama_jabatan FROM riwayat_jabatan r WHERE r.pegawai_id = p_pegawai
                                       ORDER BY r.tmt DESC LIMIT 1)
         WHERE id = p_pegawai;
    END IF;
    RETURN CASE WHEN p_riwayat = 'cpns_pns' THEN NULL ELSE hasil END;
END;
$$;

-- The audit log as a hash chain: each row carries its place in the chain and
-- SHA-256(previous hash || its content), so changing, removing or reordering a row
-- breaks every hash after it (`mutakhir-audit verify`). The head row is locked by
-- each insert until commit, which orders the chain by commit.
ALTER TABLE audit_log
    ADD COLUMN urutan       bigint,
    ADD COLUMN hash_sebelum bytea,
    ADD COLUMN hash         bytea;

CREATE TABLE audit_kepala (
    satu   boolean PRIMARY KEY DEFAULT true CONSTRAINT audit_kepala_satu CHECK (satu),
    urutan bigint NOT NULL,
    hash   bytea NOT NULL
);
INSERT INTO audit_kepala (urutan, hash) VALUES (0, decode(repeat('00', 32), 'hex'));

-- What a row's hash covers, as text. The verifier (app/src/audit/chain.rs) builds the
-- same text from the same columns.
CREATE FUNCTION audit_log_teks(urutan bigint, at timestamptz, event text, actor_id bigint,
                               subject_id bigint, ip inet, detail jsonb)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws(E'\x1f', urutan::text, ((extract(epoch FROM at) * 1000000)::bigint)::text, event,
                     coalesce(actor_id::text, ''), coalesce(subject_id::text, ''),
                     coalesce(host(ip), ''), detail::text)
$$;

CREATE FUNCTION audit_log_rantai() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kepala audit_kepala;
BEGIN
    SELECT * INTO kepala FROM audit_kepala WHERE satu FOR UPDATE;
    NEW.urutan := kepala.urutan + 1;
    NEW.hash_sebelum := kepala.hash;
    NEW.hash := sha256(kepala.hash || convert_to(
        audit_log_teks(NEW.urutan, NEW.at, NEW.event, NEW.actor_id, NEW.subject_id, NEW.ip, NEW.detail), 'UTF8'));
    UPDATE audit_kepala SET urutan = NEW.urutan, hash = NEW.hash WHERE satu;
    RETURN NEW;
END;
$$;

-- Rows already there join the chain in id order.
DO $$
DECLARE
    r record;
    h bytea := decode(repeat('00', 32), 'hex');
    n bigint := 0;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        n := n + 1;
        UPDATE audit_log SET urutan = n, hash_sebelum = h,
               hash = sha256(h || convert_to(audit_log_teks(n, r.at, r.event, r.actor_id, r.subject_id, r.ip, r.detail), 'UTF8'))
         WHERE id = r.id
        RETURNING hash INTO h;
    END LOOP;
    UPDATE audit_kepala SET urutan = n, hash = h;
END;
$$;

ALTER TABLE audit_log
    ALTER COLUMN urutan SET NOT NULL,
    ALTER COLUMN hash_sebelum SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT audit_log_urutan_unique UNIQUE (urutan);

CREATE TRIGGER audit_log_rantai BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_rantai();

-- Append-only: the application never changes or removes a row.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The chain's head moves only with an insert into the log (from its trigger).
CREATE FUNCTION audit_kepala_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'audit_kepala moves only with audit_log';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_kepala_guard BEFORE UPDATE OR DELETE ON audit_kepala
    FOR EACH ROW EXECUTE FUNCTION audit_kepala_guard();
CREATE TRIGGER audit_kepala_no_truncate BEFORE TRUNCATE ON audit_kepala
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Timeline notifications also say where the employee sits, so that each app server
-- can tell its verifiers' dashboards "your queue changed" without a query per event.
CREATE OR REPLACE FUNCTION usulan_peristiwa_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('usulan_peristiwa',
        (SELECT json_build_object('id', NEW.id, 'pegawai_id', NEW.pegawai_id, 'usulan_id', NEW.usulan_id,
                                  'unit_kerja_id', u.unit_kerja_id, 'instansi_id', u.instansi_id,
                                  'kanreg_id', u.kanreg_id)::text
           FROM usulan u WHERE u.id = NEW.usulan_id));
    RETURN NULL;
END;
$$;
