-- "Data sudah sesuai": when the employee last confirmed a section of their record
-- (Data Personal or one history) as right. One row per section; confirming again
-- moves the time.
CREATE TABLE konfirmasi_data (
    pegawai_id   bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    bagian       text NOT NULL CONSTRAINT konfirmasi_data_bagian_check CHECK (bagian IN (
                     'data_personal', 'jabatan', 'pendidikan', 'diklat', 'skp', 'penghargaan',
                     'pangkat', 'keluarga', 'peninjauan_masa_kerja', 'pindah_instansi', 'cltn',
                     'cpns_pns', 'organisasi')),
    confirmed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pegawai_id, bagian)
);
