-- An employee who moves (another unit, another agency) takes their undecided
-- proposals along: they wait in the new unit's and agency's queues, and a claim
-- taken in the old place is let go. Decided proposals keep the place they were
-- decided in. A trigger, so every way an employee moves (an applied transfer, an
-- admin's correction, a bulk import) does it.
CREATE FUNCTION usulan_follow_placement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE usulan u
       SET instansi_id = NEW.instansi_id, unit_kerja_id = NEW.unit_kerja_id,
           kanreg_id = (SELECT i.kanreg_id FROM instansi i WHERE i.id = NEW.instansi_id),
           diklaim_oleh = NULL, klaim_sampai = NULL
     WHERE u.pegawai_id = NEW.id AND u.status IN ('diajukan', 'dikembalikan');
    RETURN NULL;
END;
$$;
CREATE TRIGGER pegawai_moves_its_proposals
    AFTER UPDATE OF instansi_id, unit_kerja_id ON pegawai
    FOR EACH ROW
    WHEN (OLD.instansi_id IS DISTINCT FROM NEW.instansi_id
          OR OLD.unit_kerja_id IS DISTINCT FROM NEW.unit_kerja_id)
    EXECUTE FUNCTION usulan_follow_placement();
