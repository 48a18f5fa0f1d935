-- NIP / NI PPPK and NIK as text rather than char(n). sqlx binds a Rust string
-- as `text`, and `char(n) = text` compares as text, which cannot use the
-- char(n) unique index: every sign-in and profile lookup became a sequential
-- scan of all employees (seen at 4.3 million: 37 s per profile). The checks
-- already pin the exact length and digits, so nothing is lost.
ALTER TABLE pegawai
    ALTER COLUMN nomor_induk TYPE text,
    ALTER COLUMN nik TYPE text;
