//! Date arithmetic the rules share.

use time::Date;

/// Completed years of age on `on` for someone born on `birth` (negative if not born yet).
pub(crate) fn age_on(birth: Date, on: Date) -> i32 {
    let years = on.year() - birth.year();
    let before_birthday = (on.month() as u8, on.day()) < (birth.month() as u8, birth.day());
    years - i32::from(before_birthday)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_birthday_completes_the_year() {
        let birth = date!(1985 - 03 - 12);
        assert_eq!(age_on(birth, date!(2003 - 03 - 11)), 17);
        assert_eq!(age_on(birth, date!(2003 - 03 - 12)), 18);
        assert_eq!(age_on(date!(2000 - 02 - 29), date!(2018 - 02 - 28)), 17);
        assert_eq!(age_on(date!(2000 - 02 - 29), date!(2018 - 03 - 01)), 18);
    }
}
