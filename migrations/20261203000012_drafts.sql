-- Proposals being composed, kept on the server: one draft per employee and history
-- (the form edits that history's latest record), with the record it was typed
-- against so a draft outlived by a new latest record is not restored onto it.
-- Submitting the proposal removes the draft in the same transaction.

CREATE TABLE draf_usulan (
    pegawai_id bigint NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    riwayat    text NOT NULL CONSTRAINT draf_usulan_riwayat_check CHECK (riwayat IN (
                   'jabatan', 'pendidikan', 'diklat', 'skp', 'penghargaan', 'pangkat',
                   'keluarga', 'peninjauan_masa_kerja', 'pindah_instansi', 'cltn',
                   'cpns_pns', 'organisasi')),
    -- The record typed against; NULL for a history with a single record (CPNS/PNS).
    rekaman_id bigint,
    -- {"values": [[path, text], ...], "adding": bool, "saved_at": ms}
    isian      jsonb NOT NULL,
    disimpan   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pegawai_id, riwayat)
);
