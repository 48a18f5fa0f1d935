-- Employees (pegawai) and their histories (riwayat). Reference values are stored
-- by the codes of the enums in app/src/domain, and the checks here mirror the
-- newtypes' rules, so a row the application could not parse cannot be stored.

CREATE TABLE pegawai (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jenis             text NOT NULL CONSTRAINT pegawai_jenis_check
                      CHECK (jenis IN ('pns', 'pppk', 'ppt_non_asn')),
    -- NIP for PNS, NI PPPK for PPPK; PPT Non-ASN have none.
    nomor_induk       char(18) CONSTRAINT pegawai_nomor_induk_check
                      CHECK (nomor_induk ~ '^[0-9]{8}[0-9]{4}(0[1-9]|1[0-2])[12][0-9]{3}$'
                             AND right(nomor_induk, 3) <> '000'),
    nik               char(16) NOT NULL CONSTRAINT pegawai_nik_check CHECK (nik ~ '^[0-9]{16}$'),
    gelar_depan       text,
    nama              text NOT NULL CONSTRAINT pegawai_nama_check CHECK (length(btrim(nama)) BETWEEN 1 AND 200),
    gelar_belakang    text,
    tempat_lahir      text NOT NULL,
    tanggal_lahir     date NOT NULL,
    jenis_kelamin     char(1) NOT NULL CONSTRAINT pegawai_jenis_kelamin_check CHECK (jenis_kelamin IN ('L', 'P')),
    agama             text NOT NULL,
    status_perkawinan text NOT NULL,
    alamat            text NOT NULL DEFAULT '',
    email             text CONSTRAINT pegawai_email_check CHECK (email IS NULL OR (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(email) <= 254)),
    nomor_hp          text CONSTRAINT pegawai_nomor_hp_check CHECK (nomor_hp IS NULL OR nomor_hp ~ '^\+628[0-9]{7,11}$'),
    npwp              text CONSTRAINT pegawai_npwp_check CHECK (npwp IS NULL OR npwp ~ '^([0-9]{15}|[0-9]{16})$'),
    nomor_bpjs        text CONSTRAINT pegawai_bpjs_check CHECK (nomor_bpjs IS NULL OR nomor_bpjs ~ '^[0-9]{11,13}$'),
    nomor_taspen      text,
    status_hukum      text NOT NULL,
    instansi_id       integer NOT NULL REFERENCES instansi (id),
    unit_kerja_id     bigint REFERENCES unit_kerja (id),
    golongan          text,
    jabatan_nama      text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pegawai_nomor_induk_by_jenis CHECK ((jenis = 'ppt_non_asn') = (nomor_induk IS NULL)),
    CONSTRAINT pegawai_nomor_induk_unique UNIQUE (nomor_induk),
    CONSTRAINT pegawai_nik_unique UNIQUE (nik)
);
-- Agency dashboards and verifier queues list an agency's people.
CREATE INDEX pegawai_instansi_idx ON pegawai (instansi_id);
CREATE INDEX pegawai_unit_kerja_idx ON pegawai (unit_kerja_id);
-- Emails are compared case-insensitively (activation looks them up).
CREATE INDEX pegawai_email_idx ON pegawai (lower(email));

-- Every history table: keyed by (pegawai_id, id); the profile reads all of one
-- person's rows, newest first, through the (pegawai_id, date) index.

CREATE TABLE riwayat_cpns_pns (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id      bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    sk_cpns_nomor   text NOT NULL,
    sk_cpns_tanggal date NOT NULL,
    tmt_cpns        date NOT NULL,
    sk_pns_nomor    text,
    sk_pns_tanggal  date,
    tmt_pns         date,
    sttpl_nomor     text,
    sttpl_tanggal   date,
    spmt_nomor      text,
    CONSTRAINT riwayat_cpns_pns_pns_after_cpns CHECK (tmt_pns IS NULL OR tmt_pns > tmt_cpns),
    CONSTRAINT riwayat_cpns_pns_one UNIQUE (pegawai_id)
);

CREATE TABLE riwayat_pangkat (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id          bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    golongan            text NOT NULL,
    jenis_kenaikan      text NOT NULL,
    sk_nomor            text NOT NULL,
    sk_tanggal          date NOT NULL,
    tmt                 date NOT NULL,
    pertek_bkn_nomor    text,
    pertek_bkn_tanggal  date,
    masa_kerja_tahun    smallint NOT NULL CONSTRAINT riwayat_pangkat_mk_tahun_check CHECK (masa_kerja_tahun BETWEEN 0 AND 60),
    masa_kerja_bulan    smallint NOT NULL CONSTRAINT riwayat_pangkat_mk_bulan_check CHECK (masa_kerja_bulan BETWEEN 0 AND 11)
);
CREATE INDEX riwayat_pangkat_pegawai_idx ON riwayat_pangkat (pegawai_id, tmt DESC);

CREATE TABLE riwayat_jabatan (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id    bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    jenis_jabatan text NOT NULL,
    unit_kerja_id bigint REFERENCES unit_kerja (id),
    nama_jabatan  text NOT NULL,
    eselon        text,
    sk_nomor      text NOT NULL,
    sk_tanggal    date NOT NULL,
    tmt           date NOT NULL,
    tanggal_pelantikan date
);
CREATE INDEX riwayat_jabatan_pegawai_idx ON riwayat_jabatan (pegawai_id, tmt DESC);

CREATE TABLE riwayat_pendidikan (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id       bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    tingkat          text NOT NULL,
    jurusan          text,
    nama_sekolah     text NOT NULL,
    tanggal_lulus    date NOT NULL,
    nomor_ijazah     text,
    gelar_depan      text,
    gelar_belakang   text
);
CREATE INDEX riwayat_pendidikan_pegawai_idx ON riwayat_pendidikan (pegawai_id, tanggal_lulus DESC);

CREATE TABLE riwayat_diklat (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id       bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    nama             text NOT NULL,
    penyelenggara    text NOT NULL,
    jumlah_jam       smallint NOT NULL CONSTRAINT riwayat_diklat_jam_check CHECK (jumlah_jam BETWEEN 1 AND 2000),
    tanggal_mulai    date NOT NULL,
    tanggal_selesai  date NOT NULL,
    nomor_sertifikat text,
    CONSTRAINT riwayat_diklat_dates CHECK (tanggal_selesai >= tanggal_mulai)
);
CREATE INDEX riwayat_diklat_pegawai_idx ON riwayat_diklat (pegawai_id, tanggal_mulai DESC);

CREATE TABLE riwayat_skp (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id    bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    tahun         smallint NOT NULL CONSTRAINT riwayat_skp_tahun_check CHECK (tahun BETWEEN 1970 AND 2100),
    hasil_kerja   text NOT NULL,
    perilaku_kerja text NOT NULL,
    predikat      text NOT NULL,
    penilai_nama  text NOT NULL,
    penilai_nip   char(18),
    CONSTRAINT riwayat_skp_one_per_year UNIQUE (pegawai_id, tahun)
);

CREATE TABLE riwayat_penghargaan (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id  bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    nama        text NOT NULL,
    sk_nomor    text NOT NULL,
    sk_tanggal  date NOT NULL,
    tahun       smallint NOT NULL
);
CREATE INDEX riwayat_penghargaan_pegawai_idx ON riwayat_penghargaan (pegawai_id, sk_tanggal DESC);

CREATE TABLE riwayat_keluarga (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id      bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    hubungan        text NOT NULL,
    nama            text NOT NULL,
    nik             char(16) CONSTRAINT riwayat_keluarga_nik_check CHECK (nik IS NULL OR nik ~ '^[0-9]{16}$'),
    tempat_lahir    text,
    tanggal_lahir   date,
    jenis_kelamin   char(1) CONSTRAINT riwayat_keluarga_jk_check CHECK (jenis_kelamin IS NULL OR jenis_kelamin IN ('L', 'P')),
    akta_nikah_nomor   text,
    tanggal_nikah      date,
    akta_cerai_nomor   text,
    tanggal_cerai      date,
    masih_hidup     boolean NOT NULL DEFAULT true,
    -- A child's other parent: the spouse row it belongs to.
    orang_tua_id    bigint REFERENCES riwayat_keluarga (id),
    CONSTRAINT riwayat_keluarga_cerai_after_nikah CHECK (tanggal_cerai IS NULL OR tanggal_nikah IS NULL OR tanggal_cerai >= tanggal_nikah)
);
CREATE INDEX riwayat_keluarga_pegawai_idx ON riwayat_keluarga (pegawai_id);

CREATE TABLE riwayat_pmk (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id        bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    instansi_asal     text NOT NULL,
    tanggal_mulai     date NOT NULL,
    tanggal_selesai   date NOT NULL,
    sk_nomor          text NOT NULL,
    sk_tanggal        date NOT NULL,
    pertek_bkn_nomor  text,
    pertek_bkn_tanggal date,
    CONSTRAINT riwayat_pmk_dates CHECK (tanggal_selesai >= tanggal_mulai)
);
CREATE INDEX riwayat_pmk_pegawai_idx ON riwayat_pmk (pegawai_id, tanggal_mulai DESC);

CREATE TABLE riwayat_pindah_instansi (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id         bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    instansi_asal_id   integer NOT NULL REFERENCES instansi (id),
    instansi_tujuan_id integer NOT NULL REFERENCES instansi (id),
    sk_nomor           text NOT NULL,
    sk_tanggal         date NOT NULL,
    tmt                date NOT NULL,
    CONSTRAINT riwayat_pindah_instansi_differs CHECK (instansi_asal_id <> instansi_tujuan_id)
);
CREATE INDEX riwayat_pindah_instansi_pegawai_idx ON riwayat_pindah_instansi (pegawai_id, tmt DESC);

CREATE TABLE riwayat_cltn (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id       bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    sk_nomor         text NOT NULL,
    sk_tanggal       date NOT NULL,
    tanggal_mulai    date NOT NULL,
    tanggal_selesai  date NOT NULL,
    tanggal_aktif_kembali date,
    CONSTRAINT riwayat_cltn_dates CHECK (tanggal_selesai >= tanggal_mulai),
    CONSTRAINT riwayat_cltn_aktif CHECK (tanggal_aktif_kembali IS NULL OR tanggal_aktif_kembali >= tanggal_mulai)
);
CREATE INDEX riwayat_cltn_pegawai_idx ON riwayat_cltn (pegawai_id, tanggal_mulai DESC);

CREATE TABLE riwayat_organisasi (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pegawai_id      bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    nama_organisasi text NOT NULL,
    jabatan         text NOT NULL,
    tanggal_mulai   date NOT NULL,
    tanggal_selesai date,
    CONSTRAINT riwayat_organisasi_dates CHECK (tanggal_selesai IS NULL OR tanggal_selesai >= tanggal_mulai)
);
CREATE INDEX riwayat_organisasi_pegawai_idx ON riwayat_organisasi (pegawai_id, tanggal_mulai DESC);
