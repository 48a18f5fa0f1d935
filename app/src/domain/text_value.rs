//! What every identifier kept as text (NIP, NI PPPK, NIK, NPWP, email, mobile
//! number) offers beyond its own rules: the standard conversions, written once, so
//! each type's file holds only what makes it that type.

/// `FromStr`, `TryFrom<String>` (serde's `try_from`), `From<T> for String` (serde's
/// `into`), `AsRef<str>` and `Display`, from the type's own
/// `parse(&str) -> Result<Self, E>` and `as_str(&self) -> &str`.
macro_rules! text_conversions {
    ($t:ident, $e:ty) => {
        impl std::str::FromStr for $t {
            type Err = $e;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $t {
            type Error = $e;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl From<$t> for String {
            fn from(value: $t) -> Self {
                value.as_str().to_owned()
            }
        }

        impl AsRef<str> for $t {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use text_conversions;
