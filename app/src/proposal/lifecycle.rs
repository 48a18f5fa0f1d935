//! The life of a proposal, as one pure state machine shared by server and browser.
//!
//! A proposal travels up its approval chain (the ordered verification levels that
//! must approve it, fixed when it is submitted). The verifier of the level it waits
//! at approves it (on to the next level, or applied at the last), returns it for
//! correction, or rejects it. The employee may withdraw it until it is decided, and
//! resubmit a returned one, which starts the chain again: corrected values are
//! checked by every level, not only by the one that returned them.

use serde::{Deserialize, Serialize};

/// A verification level, numbered as `auth::access::Scope::level`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    UnitKerja = 1,
    Instansi = 2,
    Kanreg = 3,
    Pusat = 4,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::UnitKerja,
        Level::Instansi,
        Level::Kanreg,
        Level::Pusat,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.number() == n)
    }
}

/// The levels that must approve, in order: never empty, each level at most once and
/// going up the organisation tree.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<Level>", into = "Vec<Level>")]
pub struct Chain(Vec<Level>);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("an approval chain needs at least one level, each higher than the one before")]
pub struct InvalidChain;

impl TryFrom<Vec<Level>> for Chain {
    type Error = InvalidChain;

    fn try_from(levels: Vec<Level>) -> Result<Self, InvalidChain> {
        if levels.is_empty() || levels.windows(2).any(|w| w[0] >= w[1]) {
            return Err(InvalidChain);
        }
        Ok(Chain(levels))
    }
}

impl From<Chain> for Vec<Level> {
    fn from(chain: Chain) -> Self {
        chain.0
    }
}

impl Chain {
    pub fn levels(&self) -> &[Level] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The level a proposal at `step` waits for.
    pub fn at(&self, step: u8) -> Option<Level> {
        self.0.get(usize::from(step)).copied()
    }
}

/// Where a proposal stands. `step` indexes its chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Waiting for the verifier of the chain's level `step`.
    Pending {
        step: u8,
    },
    /// Sent back by the level `step` for the employee to correct.
    Returned {
        step: u8,
    },
    /// Approved by every level and written to the master record.
    Applied,
    Rejected,
    Withdrawn,
}

impl Status {
    pub fn is_terminal(self) -> bool {
        matches!(self, Status::Applied | Status::Rejected | Status::Withdrawn)
    }

    /// Still open: it holds its record against a second proposal.
    pub fn is_open(self) -> bool {
        !self.is_terminal()
    }

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Status::Pending { .. } => "diajukan",
            Status::Returned { .. } => "dikembalikan",
            Status::Applied => "diterapkan",
            Status::Rejected => "ditolak",
            Status::Withdrawn => "ditarik",
        }
    }

    pub fn from_code(code: &str, step: u8) -> Option<Self> {
        Some(match code {
            "diajukan" => Status::Pending { step },
            "dikembalikan" => Status::Returned { step },
            "diterapkan" => Status::Applied,
            "ditolak" => Status::Rejected,
            "ditarik" => Status::Withdrawn,
            _ => return None,
        })
    }

    pub fn step(self) -> u8 {
        match self {
            Status::Pending { step } | Status::Returned { step } => step,
            _ => 0,
        }
    }
}

/// Who acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Actor {
    /// The employee whose record it is.
    Owner,
    /// A verifier of this level (their scope is checked elsewhere).
    Verifier(Level),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Transition {
    Approve,
    Return,
    Reject,
    Withdraw,
    Resubmit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum LifecycleError {
    /// Applied, rejected or withdrawn: nothing more happens to it.
    #[error("the proposal is already decided")]
    Decided,
    /// The transition exists, but not from this state or not for this actor.
    #[error("not allowed now")]
    NotAllowed,
}

/// The state after `actor` makes `transition`, or why they cannot.
pub fn next(
    chain: &Chain,
    status: Status,
    actor: Actor,
    transition: Transition,
) -> Result<Status, LifecycleError> {
    if status.is_terminal() {
        return Err(LifecycleError::Decided);
    }
    match (status, actor, transition) {
        (Status::Pending { step }, Actor::Verifier(level), decision)
            if chain.at(step) == Some(level) =>
        {
            match decision {
                Transition::Approve if usize::from(step) + 1 == chain.len() => Ok(Status::Applied),
                Transition::Approve => Ok(Status::Pending { step: step + 1 }),
                Transition::Return => Ok(Status::Returned { step }),
                Transition::Reject => Ok(Status::Rejected),
                Transition::Withdraw | Transition::Resubmit => Err(LifecycleError::NotAllowed),
            }
        }
        (Status::Pending { .. } | Status::Returned { .. }, Actor::Owner, Transition::Withdraw) => {
            Ok(Status::Withdrawn)
        }
        (Status::Returned { .. }, Actor::Owner, Transition::Resubmit) => {
            Ok(Status::Pending { step: 0 })
        }
        _ => Err(LifecycleError::NotAllowed),
    }
}

/// Where a newly submitted proposal starts.
pub fn submitted() -> Status {
    Status::Pending { step: 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chain_strategy() -> impl Strategy<Value = Chain> {
        proptest::sample::subsequence(Level::ALL.to_vec(), 1..=4)
            .prop_map(|levels| Chain::try_from(levels).unwrap())
    }

    fn actor_strategy() -> impl Strategy<Value = Actor> {
        prop_oneof![
            Just(Actor::Owner),
            proptest::sample::select(Level::ALL.to_vec()).prop_map(Actor::Verifier),
        ]
    }

    fn transition_strategy() -> impl Strategy<Value = Transition> {
        proptest::sample::select(vec![
            Transition::Approve,
            Transition::Return,
            Transition::Reject,
            Transition::Withdraw,
            Transition::Resubmit,
        ])
    }

    #[test]
    fn chains_must_go_up_without_repeats() {
        assert!(Chain::try_from(vec![]).is_err());
        assert!(Chain::try_from(vec![Level::Pusat, Level::Instansi]).is_err());
        assert!(Chain::try_from(vec![Level::Instansi, Level::Instansi]).is_err());
        let epupns = Chain::try_from(Level::ALL.to_vec()).unwrap();
        assert_eq!(epupns.len(), 4);
        let json = serde_json::to_string(&epupns).unwrap();
        assert_eq!(serde_json::from_str::<Chain>(&json).unwrap(), epupns);
        assert!(serde_json::from_str::<Chain>(r#"["Pusat","UnitKerja"]"#).is_err());
    }

    #[test]
    fn the_epupns_chain_walks_four_inboxes_then_applies() {
        let chain = Chain::try_from(Level::ALL.to_vec()).unwrap();
        let mut status = submitted();
        for level in Level::ALL {
            // Nobody but the level it waits for may decide.
            for other in Level::ALL.into_iter().filter(|l| *l != level) {
                assert_eq!(
                    next(&chain, status, Actor::Verifier(other), Transition::Approve),
                    Err(LifecycleError::NotAllowed)
                );
            }
            status = next(&chain, status, Actor::Verifier(level), Transition::Approve).unwrap();
        }
        assert_eq!(status, Status::Applied);
    }

    #[test]
    fn codes_round_trip() {
        for status in [
            Status::Pending { step: 2 },
            Status::Returned { step: 1 },
            Status::Applied,
            Status::Rejected,
            Status::Withdrawn,
        ] {
            assert_eq!(
                Status::from_code(status.code(), status.step()),
                Some(status)
            );
        }
        assert_eq!(Status::from_code("disetujui", 0), None);
    }

    proptest! {
        /// Whatever happens, an applied proposal was approved by every level of its
        /// chain in order since it was last (re)submitted, and terminal states stay put.
        #[test]
        fn no_path_skips_a_level_and_terminal_states_are_final(
            chain in chain_strategy(),
            moves in proptest::collection::vec((actor_strategy(), transition_strategy()), 0..40),
        ) {
            let mut status = submitted();
            let mut approvals_since_submission: Vec<Level> = Vec::new();
            for (actor, transition) in moves {
                let before = status;
                match next(&chain, status, actor, transition) {
                    Ok(after) => {
                        prop_assert!(!before.is_terminal());
                        if transition == Transition::Approve {
                            let Actor::Verifier(level) = actor else {
                                return Err(TestCaseError::fail("only verifiers approve"));
                            };
                            approvals_since_submission.push(level);
                        }
                        if transition == Transition::Resubmit {
                            approvals_since_submission.clear();
                        }
                        if after == Status::Applied {
                            prop_assert_eq!(&approvals_since_submission[..], chain.levels());
                        }
                        if let Status::Pending { step } = after {
                            prop_assert_eq!(usize::from(step), approvals_since_submission.len());
                        }
                        status = after;
                    }
                    Err(LifecycleError::Decided) => prop_assert!(before.is_terminal()),
                    Err(LifecycleError::NotAllowed) => prop_assert!(!before.is_terminal()),
                }
            }
        }

        /// From any open state each terminal state can be reached.
        #[test]
        fn every_terminal_state_is_reachable(chain in chain_strategy(), returned in any::<bool>()) {
            let start = if returned {
                let first = chain.at(0).unwrap();
                next(&chain, submitted(), Actor::Verifier(first), Transition::Return).unwrap()
            } else {
                submitted()
            };
            prop_assert_eq!(
                next(&chain, start, Actor::Owner, Transition::Withdraw),
                Ok(Status::Withdrawn)
            );
            let pending = if returned {
                next(&chain, start, Actor::Owner, Transition::Resubmit).unwrap()
            } else {
                start
            };
            let first = chain.at(0).unwrap();
            prop_assert_eq!(
                next(&chain, pending, Actor::Verifier(first), Transition::Reject),
                Ok(Status::Rejected)
            );
            let mut status = pending;
            for level in chain.levels() {
                status = next(&chain, status, Actor::Verifier(*level), Transition::Approve).unwrap();
            }
            prop_assert_eq!(status, Status::Applied);
        }
    }
}
