use proptest::prelude::*;
use time::macros::date;

use super::*;
use crate::domain::checks::Problem;
use crate::domain::reference::GolonganPns;
use crate::domain::testing::pegawai_pns;

const TODAY: Date = date!(2026 - 11 - 23);

/// As the profile store reads them: newest first.
fn as_stored(mut pegawai: Pegawai) -> Pegawai {
    pegawai.pangkat.sort_by_key(|r| std::cmp::Reverse(r.tmt));
    pegawai
}

fn latest_rank(pegawai: &Pegawai) -> RiwayatPangkat {
    pegawai.pangkat[0].clone()
}

fn propose_rank(
    pegawai: &Pegawai,
    target: Target,
    record: RiwayatPangkat,
) -> Result<Prepared, ChangeProblem> {
    prepare(
        pegawai,
        target,
        ProposedRecord::Pangkat(record),
        JenisDokumen::SkKenaikanPangkat,
        TODAY,
    )
}

proptest! {
    /// A higher rank on the latest record passes; its before and after are kept; the
    /// id is the server's, whatever the form sent.
    #[test]
    fn raising_the_latest_rank_passes(pegawai in pegawai_pns(TODAY)) {
        let pegawai = as_stored(pegawai);
        let mut latest = latest_rank(&pegawai);
        prop_assume!(latest.golongan != GolonganPns::IVE);
        let before = latest.clone();
        latest.golongan = GolonganPns::IVE;
        latest.id = 999_999;
        let prepared = propose_rank(&pegawai, Target::Existing(before.id), latest.clone()).unwrap();
        prop_assert_eq!(prepared.before, Some(ProposedRecord::Pangkat(before.clone())));
        latest.id = before.id;
        prop_assert_eq!(prepared.after, ProposedRecord::Pangkat(latest));
    }

    /// The unchanged record is no proposal.
    #[test]
    fn the_same_values_are_no_change(pegawai in pegawai_pns(TODAY)) {
        let pegawai = as_stored(pegawai);
        let latest = latest_rank(&pegawai);
        prop_assert_eq!(
            propose_rank(&pegawai, Target::Existing(latest.id), latest),
            Err(ChangeProblem::NoChange)
        );
    }

    /// A rank lower than the one before it is caught by the record's own rule, with
    /// the field it concerns.
    #[test]
    fn a_falling_rank_is_refused_with_the_rules_finding(pegawai in pegawai_pns(TODAY)) {
        let pegawai = as_stored(pegawai);
        prop_assume!(pegawai.pangkat.len() >= 2);
        let previous = pegawai.pangkat[1].golongan;
        prop_assume!(previous != GolonganPns::IA);
        let mut latest = latest_rank(&pegawai);
        latest.golongan = GolonganPns::IA;
        let Err(ChangeProblem::Inconsistent(errors)) =
            propose_rank(&pegawai, Target::Existing(latest.id), latest)
        else {
            return Err(TestCaseError::fail("expected the rank rule to refuse it"));
        };
        let caught = errors.iter().any(|f| {
            f.field.field == "golongan"
                && f.problem
                    == Problem::GolonganDecreased {
                        previous,
                        current: GolonganPns::IA,
                    }
        });
        prop_assert!(caught, "findings: {:?}", errors);
    }

    /// Only the latest rank may be proposed, and rank takes no new record by proposal.
    #[test]
    fn older_ranks_and_new_ranks_are_refused(pegawai in pegawai_pns(TODAY)) {
        let pegawai = as_stored(pegawai);
        let latest = latest_rank(&pegawai);
        prop_assert_eq!(
            propose_rank(&pegawai, Target::New, latest.clone()),
            Err(ChangeProblem::NewNotAllowed)
        );
        if let Some(older) = pegawai.pangkat.get(1).cloned() {
            let mut changed = older.clone();
            changed.sk.nomor.push('X');
            prop_assert_eq!(
                propose_rank(&pegawai, Target::Existing(older.id), changed),
                Err(ChangeProblem::NotLatest)
            );
        }
        prop_assert_eq!(
            propose_rank(&pegawai, Target::Existing(-5), latest),
            Err(ChangeProblem::NoSuchRecord)
        );
    }

    /// SKP takes new records (one per year), and an older SKP may be corrected.
    #[test]
    fn skp_allows_new_and_older_records(pegawai in pegawai_pns(TODAY)) {
        let pegawai = as_stored(pegawai);
        prop_assume!(!pegawai.skp.is_empty());
        let mut next = pegawai.skp[0].clone();
        next.tahun += 1;
        next.id = 12345;
        let prepared = prepare(
            &pegawai,
            Target::New,
            ProposedRecord::Skp(next),
            JenisDokumen::Skp,
            TODAY,
        ).unwrap();
        prop_assert_eq!(prepared.before, None);
        prop_assert_eq!(prepared.after.id(), Some(0));
    }

    #[test]
    fn the_document_must_support_the_history(pegawai in pegawai_pns(TODAY)) {
        let pegawai = as_stored(pegawai);
        let mut latest = latest_rank(&pegawai);
        latest.sk.nomor.push('X');
        prop_assert_eq!(
            prepare(&pegawai, Target::Existing(latest.id), ProposedRecord::Pangkat(latest),
                JenisDokumen::Ijazah, TODAY),
            Err(ChangeProblem::WrongDocument)
        );
    }
}

#[test]
fn messages_speak_both_languages() {
    for problem in [
        ChangeProblem::NotApplicable,
        ChangeProblem::NoSuchRecord,
        ChangeProblem::NotLatest,
        ChangeProblem::NewNotAllowed,
        ChangeProblem::NoChange,
        ChangeProblem::WrongDocument,
    ] {
        let (id, en) = (problem.message(Lang::Id), problem.message(Lang::En));
        assert!(!id.is_empty() && !en.is_empty() && id != en, "{problem:?}");
    }
}

proptest! {
    /// The form sends a proposal as JSON tagged with its history; it comes back the same.
    #[test]
    fn proposals_travel_as_tagged_json(pegawai in pegawai_pns(TODAY)) {
        let record = ProposedRecord::Pangkat(latest_rank(&pegawai));
        let json = serde_json::to_value(&record).unwrap();
        prop_assert_eq!(&json["riwayat"], "pangkat");
        prop_assert_eq!(serde_json::from_value::<ProposedRecord>(json).unwrap(), record);
    }
}

#[test]
fn an_unknown_history_is_refused() {
    let unknown = serde_json::json!({"riwayat": "gaji", "data": {}});
    assert!(serde_json::from_value::<ProposedRecord>(unknown).is_err());
}
