-- The organisation tree: BKN Pusat and its regional offices (Kanreg), the
-- agencies (instansi) they serve, and the agencies' work units.

CREATE TABLE kanreg (
    id          smallint PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    city        text NOT NULL,
    -- BKN Pusat is modelled as id 0 so that scope checks are one tree walk.
    is_pusat    boolean NOT NULL DEFAULT false
);

CREATE TABLE instansi (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    kind        text NOT NULL CONSTRAINT instansi_kind_check
                CHECK (kind IN ('pusat', 'provinsi', 'kabupaten', 'kota')),
    -- Province or regency code from the official region list, for daerah.
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
    CONSTRAINT unit_kerja_name_unique UNIQUE (instansi_id, parent_id, name)
);
CREATE INDEX unit_kerja_instansi_idx ON unit_kerja (instansi_id);
CREATE INDEX unit_kerja_parent_idx ON unit_kerja (parent_id);
