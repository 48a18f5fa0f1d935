-- The master write takes its table and key from the caller, which derives them from
-- the history's one description (app/src/domain/riwayat/table.rs), instead of
-- keeping a second map of histories to tables here. Behaviour is unchanged: the
-- replaced version goes to riwayat_versi, pegawai keeps the latest rank and position.
DROP FUNCTION riwayat_tulis(text, bigint, bigint, jsonb, bigint);

CREATE FUNCTION riwayat_tulis(p_riwayat text, p_tabel text, p_kunci text, p_pegawai bigint,
                              p_rekam bigint, p_baris jsonb, p_usulan bigint)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    kolom text;
    nilai text;
    lama jsonb;
    baru jsonb;
    hasil bigint;
BEGIN
    -- Only a history's own table, never the versions it keeps nor any other.
    IF p_tabel NOT LIKE 'riwayat\_%' OR p_tabel = 'riwayat_versi'
       OR to_regclass(quote_ident(p_tabel)) IS NULL THEN
        RAISE EXCEPTION 'not a history table: %', p_tabel;
    END IF;
    IF p_kunci NOT IN ('id', 'pegawai_id') THEN
        RAISE EXCEPTION 'not a history key: %', p_kunci;
    END IF;
    SELECT string_agg(quote_ident(k), ', ' ORDER BY k), string_agg('r.' || quote_ident(k), ', ' ORDER BY k)
      INTO kolom, nilai
      FROM jsonb_object_keys(p_baris - 'id' - 'pegawai_id') AS k;
    IF p_kunci = 'id' AND p_rekam IS NOT NULL THEN
        EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.id = $1 AND t.pegawai_id = $2 FOR UPDATE', p_tabel)
           INTO lama USING p_rekam, p_pegawai;
        IF lama IS NULL THEN
            RAISE EXCEPTION 'record % of % not found', p_rekam, p_tabel USING ERRCODE = 'no_data_found';
        END IF;
    ELSIF p_kunci = 'pegawai_id' THEN
        EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.pegawai_id = $1 FOR UPDATE', p_tabel)
           INTO lama USING p_pegawai;
    END IF;
    IF lama IS NULL THEN
        EXECUTE format('INSERT INTO %I (pegawai_id, %s) SELECT $1, %s FROM jsonb_populate_record(NULL::%I, $2) r RETURNING %I',
                       p_tabel, kolom, nilai, p_tabel, p_kunci)
           INTO hasil USING p_pegawai, p_baris;
    ELSE
        EXECUTE format('UPDATE %I t SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::%I, $2) r) WHERE t.%I = $1 RETURNING t.%I',
                       p_tabel, kolom, nilai, p_tabel, p_kunci, p_kunci)
           INTO hasil USING coalesce(p_rekam, p_pegawai), p_baris;
    END IF;
    EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.%I = $1', p_tabel, p_kunci) INTO baru USING hasil;
    INSERT INTO riwayat_versi (pegawai_id, riwayat, record_id, nilai_lama, nilai_baru, usulan_id)
    VALUES (p_pegawai, p_riwayat, CASE WHEN p_kunci = 'id' THEN hasil END, lama, baru, p_usulan);
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
    RETURN CASE WHEN p_kunci = 'id' THEN hasil END;
END;
$$;
