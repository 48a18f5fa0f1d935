-- The organisation tree: BKN Pusat and its regional offices (Kanreg), the
-- agencies (instansi) they serve, and the agencies' work units; plus the
-- official region codes, which also appear inside every NIK.

CREATE TABLE provinsi (
    code    char(2) PRIMARY KEY CONSTRAINT provinsi_code_check CHECK (code ~ '^[0-9]{2}$'),
    name    text NOT NULL
);

CREATE TABLE kabupaten_kota (
    code          char(5) PRIMARY KEY CONSTRAINT kabupaten_kota_code_check CHECK (code ~ '^[0-9]{2}\.[0-9]{2}$'),
    provinsi_code char(2) NOT NULL REFERENCES provinsi (code),
    name          text NOT NULL,
    CONSTRAINT kabupaten_kota_in_provinsi CHECK (left(code, 2) = provinsi_code)
);

CREATE TABLE kecamatan (
    code                char(8) PRIMARY KEY CONSTRAINT kecamatan_code_check CHECK (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$'),
    kabupaten_kota_code char(5) NOT NULL REFERENCES kabupaten_kota (code),
    name                text NOT NULL
);

CREATE TABLE kanreg (
    id          smallint PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    city        text NOT NULL,
    -- BKN Pusat is id 0, so that "who oversees this agency" is always one lookup.
    is_pusat    boolean NOT NULL DEFAULT false
);

-- Which provinces each regional office serves (unverified; kept as data).
CREATE TABLE kanreg_provinsi (
    provinsi_code char(2) PRIMARY KEY REFERENCES provinsi (code),
    kanreg_id     smallint NOT NULL REFERENCES kanreg (id)
);

CREATE TABLE instansi (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    kind        text NOT NULL CONSTRAINT instansi_kind_check
                CHECK (kind IN ('pusat', 'provinsi', 'kabupaten', 'kota')),
    -- For a regional government: its province or regency/city code.
    region_code text CONSTRAINT instansi_region_code_check
                CHECK (region_code IS NULL OR region_code ~ '^[0-9]{2}(\.[0-9]{2})?$'),
    kanreg_id   smallint NOT NULL REFERENCES kanreg (id),
    CONSTRAINT instansi_daerah_has_region CHECK ((kind = 'pusat') = (region_code IS NULL))
);
CREATE INDEX instansi_kanreg_idx ON instansi (kanreg_id);

CREATE TABLE unit_kerja (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instansi_id integer NOT NULL REFERENCES instansi (id),
    parent_id   bigint REFERENCES unit_kerja (id),
    name        text NOT NULL CONSTRAINT unit_kerja_name_check CHECK (length(btrim(name)) > 0),
    CONSTRAINT unit_kerja_name_unique UNIQUE NULLS NOT DISTINCT (instansi_id, parent_id, name)
);
CREATE INDEX unit_kerja_instansi_idx ON unit_kerja (instansi_id);
CREATE INDEX unit_kerja_parent_idx ON unit_kerja (parent_id);
