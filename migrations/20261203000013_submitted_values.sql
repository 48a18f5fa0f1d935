-- The values as the employee sent them. A verifier's typo correction changes
-- nilai_baru (what is applied); the proof of submission's code is derived from what
-- was sent, so a genuine printout still checks out after a correction.
ALTER TABLE usulan ADD COLUMN nilai_diajukan jsonb;
UPDATE usulan SET nilai_diajukan = nilai_baru;
ALTER TABLE usulan ALTER COLUMN nilai_diajukan SET NOT NULL;

-- Whatever inserts a proposal (a bulk load, a test), what was sent is what it holds.
CREATE FUNCTION usulan_nilai_diajukan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.nilai_diajukan := coalesce(NEW.nilai_diajukan, NEW.nilai_baru);
    RETURN NEW;
END;
$$;
CREATE TRIGGER usulan_nilai_diajukan BEFORE INSERT ON usulan
    FOR EACH ROW EXECUTE FUNCTION usulan_nilai_diajukan();
