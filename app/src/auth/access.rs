//! Who may do what, decided in one place. Every server function and route asks
//! [`authorize`]; it looks only at the caller's roles and where the object sits in
//! the organisation tree (BKN Pusat → Kanreg → instansi → unit kerja), so it is a
//! pure function and every cell of the role × object matrix is unit-tested.

use serde::{Deserialize, Serialize};

pub type PegawaiId = i64;
pub type UnitKerjaId = i64;
pub type InstansiId = i32;
pub type KanregId = i16;

/// A level of the organisation tree a role covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    UnitKerja(UnitKerjaId),
    Instansi(InstansiId),
    Kanreg(KanregId),
    Pusat,
}

/// Where something sits: a unit, its agency and the Kanreg overseeing the agency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Placement {
    pub unit_kerja_id: UnitKerjaId,
    pub instansi_id: InstansiId,
    pub kanreg_id: KanregId,
}

impl Scope {
    /// The verification level that belongs to a scope: 1 unit kerja, 2 instansi
    /// (BKD), 3 Kanreg, 4 BKN Pusat.
    pub fn level(self) -> u8 {
        match self {
            Scope::UnitKerja(_) => 1,
            Scope::Instansi(_) => 2,
            Scope::Kanreg(_) => 3,
            Scope::Pusat => 4,
        }
    }

    pub fn covers(self, place: &Placement) -> bool {
        match self {
            Scope::UnitKerja(u) => place.unit_kerja_id == u,
            Scope::Instansi(i) => place.instansi_id == i,
            Scope::Kanreg(k) => place.kanreg_id == k,
            Scope::Pusat => true,
        }
    }

    /// A scope lies inside an agency when it is the agency or one of its units.
    fn within_instansi(self, instansi: InstansiId, unit_instansi: Option<InstansiId>) -> bool {
        match self {
            Scope::Instansi(i) => i == instansi,
            Scope::UnitKerja(_) => unit_instansi == Some(instansi),
            Scope::Kanreg(_) | Scope::Pusat => false,
        }
    }
}

/// Roles beyond being an employee, which every account is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Verifies proposals at a level (1 unit kerja … 4 BKN Pusat) within a scope.
    Verifikator {
        scope: Scope,
        tingkat: u8,
    },
    AdminInstansi {
        instansi: InstansiId,
    },
    AdminBkn,
}

/// The signed-in caller.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principal {
    pub pegawai_id: PegawaiId,
    pub placement: Placement,
    pub roles: Vec<Role>,
}

/// An employee as an object of an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subject {
    pub pegawai_id: PegawaiId,
    pub placement: Placement,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Read Data Personal and every history.
    ReadProfile(Subject),
    /// Fix a registered email or mobile number (the admin's answer to "my token never came").
    FixContact(Subject),
    /// Appoint `appointee` as verifier for a scope; `unit_instansi` is the agency
    /// of a unit scope. An agency admin appoints only their own agency's people.
    AppointVerifier {
        scope: Scope,
        unit_instansi: Option<InstansiId>,
        appointee: Placement,
    },
    /// Open, close and extend the update period.
    ManagePeriod,
    /// Grant (or refuse) access to a self-registered employee: the registration
    /// verifier of their work unit, or an admin over their agency.
    GrantRegistration(Subject),
    /// Choose how an agency's employees get in: emailed token or self-registration.
    SetActivationMode(InstansiId),
    /// Open a supporting document the subject uploaded: the subject, and the
    /// verifiers whose scope covers them (who must check it against the proposal).
    /// Admins manage accounts, not personal papers, so they may not.
    ReadDocument(Subject),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("not permitted")]
pub struct Denied;

pub fn authorize(who: &Principal, action: &Action) -> Result<(), Denied> {
    let allowed = match action {
        Action::ReadProfile(subject) => {
            subject.pegawai_id == who.pegawai_id
                || who.roles.iter().any(|role| match role {
                    Role::Verifikator { scope, .. } => scope.covers(&subject.placement),
                    Role::AdminInstansi { instansi } => *instansi == subject.placement.instansi_id,
                    Role::AdminBkn => true,
                })
        }
        Action::FixContact(subject) => who.roles.iter().any(|role| match role {
            Role::AdminInstansi { instansi } => *instansi == subject.placement.instansi_id,
            Role::AdminBkn => true,
            Role::Verifikator { .. } => false,
        }),
        Action::AppointVerifier {
            scope,
            unit_instansi,
            appointee,
        } => who.roles.iter().any(|role| match role {
            Role::AdminInstansi { instansi } => {
                scope.within_instansi(*instansi, *unit_instansi)
                    && appointee.instansi_id == *instansi
            }
            Role::AdminBkn => true,
            Role::Verifikator { .. } => false,
        }),
        Action::ManagePeriod => who.roles.contains(&Role::AdminBkn),
        Action::GrantRegistration(subject) => who.roles.iter().any(|role| match role {
            Role::Verifikator {
                scope: Scope::UnitKerja(unit),
                ..
            } => *unit == subject.placement.unit_kerja_id,
            Role::Verifikator { .. } => false,
            Role::AdminInstansi { instansi } => *instansi == subject.placement.instansi_id,
            Role::AdminBkn => true,
        }),
        Action::SetActivationMode(instansi) => who.roles.iter().any(|role| match role {
            Role::AdminInstansi { instansi: own } => own == instansi,
            Role::AdminBkn => true,
            Role::Verifikator { .. } => false,
        }),
        Action::ReadDocument(subject) => {
            subject.pegawai_id == who.pegawai_id
                || who.roles.iter().any(|role| match role {
                    Role::Verifikator { scope, .. } => scope.covers(&subject.placement),
                    Role::AdminInstansi { .. } | Role::AdminBkn => false,
                })
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied)
    }
}

/// Whose registrations a caller may grant, as a database filter: the same rule as
/// [`Action::GrantRegistration`], turned into lists a query can use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegistrationReach {
    pub everyone: bool,
    pub units: Vec<UnitKerjaId>,
    pub agencies: Vec<InstansiId>,
}

impl RegistrationReach {
    pub fn of(who: &Principal) -> Self {
        let mut reach = RegistrationReach::default();
        for role in &who.roles {
            match role {
                Role::Verifikator {
                    scope: Scope::UnitKerja(unit),
                    ..
                } => reach.units.push(*unit),
                Role::Verifikator { .. } => {}
                Role::AdminInstansi { instansi } => reach.agencies.push(*instansi),
                Role::AdminBkn => reach.everyone = true,
            }
        }
        reach
    }

    pub fn is_empty(&self) -> bool {
        !self.everyone && self.units.is_empty() && self.agencies.is_empty()
    }

    pub fn includes(&self, place: &Placement) -> bool {
        self.everyone
            || self.units.contains(&place.unit_kerja_id)
            || self.agencies.contains(&place.instansi_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // Two agencies under two Kanregs, two units in the first agency.
    const UNIT_A1: Placement = Placement {
        unit_kerja_id: 11,
        instansi_id: 1,
        kanreg_id: 1,
    };
    const UNIT_A2: Placement = Placement {
        unit_kerja_id: 12,
        instansi_id: 1,
        kanreg_id: 1,
    };
    const UNIT_B1: Placement = Placement {
        unit_kerja_id: 21,
        instansi_id: 2,
        kanreg_id: 2,
    };

    fn principal(id: PegawaiId, roles: Vec<Role>) -> Principal {
        Principal {
            pegawai_id: id,
            placement: UNIT_A1,
            roles,
        }
    }

    /// The whole matrix: each caller against each object and action, with the
    /// expected answer written out rather than derived from the rule under test.
    #[test]
    fn role_object_matrix() {
        let me = Subject {
            pegawai_id: 1,
            placement: UNIT_A1,
        };
        let colleague_same_unit = Subject {
            pegawai_id: 2,
            placement: UNIT_A1,
        };
        let same_agency_other_unit = Subject {
            pegawai_id: 3,
            placement: UNIT_A2,
        };
        let other_agency = Subject {
            pegawai_id: 4,
            placement: UNIT_B1,
        };
        let callers: Vec<(&str, Principal)> = vec![
            ("employee", principal(1, vec![])),
            (
                "verifier unit A1",
                principal(
                    1,
                    vec![Role::Verifikator {
                        scope: Scope::UnitKerja(11),
                        tingkat: 1,
                    }],
                ),
            ),
            (
                "verifier agency 1",
                principal(
                    1,
                    vec![Role::Verifikator {
                        scope: Scope::Instansi(1),
                        tingkat: 2,
                    }],
                ),
            ),
            (
                "verifier kanreg 2",
                principal(
                    1,
                    vec![Role::Verifikator {
                        scope: Scope::Kanreg(2),
                        tingkat: 3,
                    }],
                ),
            ),
            (
                "verifier pusat",
                principal(
                    1,
                    vec![Role::Verifikator {
                        scope: Scope::Pusat,
                        tingkat: 4,
                    }],
                ),
            ),
            (
                "admin agency 1",
                principal(1, vec![Role::AdminInstansi { instansi: 1 }]),
            ),
            (
                "admin agency 2",
                principal(1, vec![Role::AdminInstansi { instansi: 2 }]),
            ),
            ("admin bkn", principal(1, vec![Role::AdminBkn])),
        ];
        let objects: Vec<(&str, Action)> = vec![
            ("read self", Action::ReadProfile(me)),
            ("read same unit", Action::ReadProfile(colleague_same_unit)),
            (
                "read same agency",
                Action::ReadProfile(same_agency_other_unit),
            ),
            ("read other agency", Action::ReadProfile(other_agency)),
            ("fix contact self", Action::FixContact(me)),
            (
                "fix contact same agency",
                Action::FixContact(same_agency_other_unit),
            ),
            ("fix contact other agency", Action::FixContact(other_agency)),
            (
                "appoint in unit A2",
                Action::AppointVerifier {
                    scope: Scope::UnitKerja(12),
                    unit_instansi: Some(1),
                    appointee: UNIT_A2,
                },
            ),
            (
                "appoint agency 1",
                Action::AppointVerifier {
                    scope: Scope::Instansi(1),
                    unit_instansi: None,
                    appointee: UNIT_A1,
                },
            ),
            (
                "appoint in unit B1",
                Action::AppointVerifier {
                    scope: Scope::UnitKerja(21),
                    unit_instansi: Some(2),
                    appointee: UNIT_B1,
                },
            ),
            (
                "appoint kanreg 1",
                Action::AppointVerifier {
                    scope: Scope::Kanreg(1),
                    unit_instansi: None,
                    appointee: UNIT_A1,
                },
            ),
            (
                "appoint an outsider in unit A2",
                Action::AppointVerifier {
                    scope: Scope::UnitKerja(12),
                    unit_instansi: Some(1),
                    appointee: UNIT_B1,
                },
            ),
            ("manage period", Action::ManagePeriod),
            (
                "grant registration same unit",
                Action::GrantRegistration(colleague_same_unit),
            ),
            (
                "grant registration same agency",
                Action::GrantRegistration(same_agency_other_unit),
            ),
            (
                "grant registration other agency",
                Action::GrantRegistration(other_agency),
            ),
            ("activation mode agency 1", Action::SetActivationMode(1)),
            ("document self", Action::ReadDocument(me)),
            (
                "document same unit",
                Action::ReadDocument(colleague_same_unit),
            ),
            ("document other agency", Action::ReadDocument(other_agency)),
        ];
        assert_eq!(objects.len(), 20);
        // Rows: callers in order; columns: objects in order. 1 = allowed.
        let expected: [[u8; 20]; 8] = [
            // self sameU sameA otherA | fixS fixA fixO | apA2 apAg apB1 apK apOut | period | grU grA grO | mode1 | docS docU docO
            [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0], // employee
            [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0], // verifier unit A1
            [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0], // verifier agency 1
            [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1], // verifier kanreg 2
            [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1], // verifier pusat
            [1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0], // admin agency 1
            [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0], // admin agency 2
            [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0], // admin bkn
        ];
        for (row, (who_name, who)) in callers.iter().enumerate() {
            for (col, (what, action)) in objects.iter().enumerate() {
                let want = expected[row][col] == 1;
                assert_eq!(
                    authorize(who, action).is_ok(),
                    want,
                    "{who_name} / {what}: expected {}",
                    if want { "allowed" } else { "denied" }
                );
            }
        }
    }

    fn placement() -> impl Strategy<Value = Placement> {
        (1i64..50, 1i32..10, 0i16..15).prop_map(|(u, i, k)| Placement {
            unit_kerja_id: u,
            instansi_id: i,
            kanreg_id: k,
        })
    }

    fn role() -> impl Strategy<Value = Role> {
        prop_oneof![
            (1i64..50, 1u8..=4).prop_map(|(u, t)| Role::Verifikator {
                scope: Scope::UnitKerja(u),
                tingkat: t
            }),
            (1i32..10).prop_map(|i| Role::AdminInstansi { instansi: i }),
            Just(Role::AdminBkn),
        ]
    }

    /// Every kind of role, verifiers of every scope included.
    fn any_role() -> impl Strategy<Value = Role> {
        let scope = prop_oneof![
            (1i64..50).prop_map(Scope::UnitKerja),
            (1i32..10).prop_map(Scope::Instansi),
            (0i16..15).prop_map(Scope::Kanreg),
            Just(Scope::Pusat),
        ];
        prop_oneof![
            scope.prop_map(|scope| Role::Verifikator {
                tingkat: scope.level(),
                scope
            }),
            (1i32..10).prop_map(|i| Role::AdminInstansi { instansi: i }),
            Just(Role::AdminBkn),
        ]
    }

    proptest! {
        /// Adding a role never takes a permission away.
        #[test]
        fn roles_only_add(
            roles in proptest::collection::vec(role(), 0..4),
            extra in role(),
            target in placement(),
            id in 1i64..5,
        ) {
            let subject = Subject { pegawai_id: id, placement: target };
            let before = principal(1, roles.clone());
            let mut more = roles;
            more.push(extra);
            let after = principal(1, more);
            for action in [
                Action::ReadProfile(subject),
                Action::FixContact(subject),
                Action::ManagePeriod,
                Action::GrantRegistration(subject),
                Action::SetActivationMode(target.instansi_id),
                Action::ReadDocument(subject),
            ] {
                if authorize(&before, &action).is_ok() {
                    prop_assert!(authorize(&after, &action).is_ok());
                }
            }
        }

        /// The registration list's filter admits exactly whom the rule lets one grant.
        #[test]
        fn registration_reach_agrees_with_authorize(
            roles in proptest::collection::vec(any_role(), 0..4),
            target in placement(),
        ) {
            let who = principal(1, roles);
            let subject = Subject { pegawai_id: 9, placement: target };
            prop_assert_eq!(
                RegistrationReach::of(&who).includes(&target),
                authorize(&who, &Action::GrantRegistration(subject)).is_ok()
            );
        }

        /// Without a role, an employee reaches only their own record.
        #[test]
        fn a_plain_employee_reads_only_themself(target in placement(), id in 1i64..5) {
            let who = principal(1, vec![]);
            let subject = Subject { pegawai_id: id, placement: target };
            prop_assert_eq!(authorize(&who, &Action::ReadProfile(subject)).is_ok(), id == 1);
            prop_assert!(authorize(&who, &Action::FixContact(subject)).is_err());
        }
    }
}
