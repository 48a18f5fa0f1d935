//! Every parser of the domain on arbitrary text: none may panic, anything accepted
//! must parse back to itself from its display form, and every refusal must be
//! explainable in both languages.

#![no_main]

use std::fmt::{Debug, Display};

use app::domain::localized::{Lang, Localized};
use app::domain::reference::*;
use app::domain::{Email, MobileNumber, NiPppk, Nik, Nip, Npwp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    round_trip(input, Nip::parse);
    round_trip(input, NiPppk::parse);
    round_trip(input, Nik::parse);
    round_trip(input, Email::parse);
    round_trip(input, MobileNumber::parse);
    round_trip(input, Npwp::parse);
    round_trip(input, Agama::parse);
    round_trip(input, Ekspektasi::parse);
    round_trip(input, Eselon::parse);
    round_trip(input, Golongan::parse);
    round_trip(input, GolonganPns::parse);
    round_trip(input, GolonganPppk::parse);
    round_trip(input, Hubungan::parse);
    round_trip(input, JenisDokumen::parse);
    round_trip(input, JenisJabatan::parse);
    round_trip(input, JenisKelamin::parse);
    round_trip(input, JenisKenaikanPangkat::parse);
    round_trip(input, JenisPegawai::parse);
    round_trip(input, PredikatSkp::parse);
    round_trip(input, Riwayat::parse);
    round_trip(input, StatusHukum::parse);
    round_trip(input, StatusPerkawinan::parse);
    round_trip(input, TingkatPendidikan::parse);
});

fn round_trip<T, E>(input: &str, parse: fn(&str) -> Result<T, E>)
where
    T: Display + Debug + PartialEq,
    E: Localized + Debug,
{
    match parse(input) {
        Ok(value) => {
            let again = parse(&value.to_string());
            assert!(
                again.as_ref().is_ok_and(|v| *v == value),
                "{value:?} displays as {:?}, which parses to {again:?}",
                value.to_string()
            );
        }
        Err(error) => {
            assert!(!error.message(Lang::Id).is_empty());
            assert!(!error.message(Lang::En).is_empty());
        }
    }
}
