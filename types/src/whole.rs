//! Integers in request bodies as the OpenAPI document's JSON Schema counts them: `3` and
//! `3.0` alike (from draft 6 on, any number without a fraction is an integer). Use with
//! `#[serde(deserialize_with = "crate::whole::deserialize")]` (or `option`, `vec`); and
//! optional times that may be blank (`optional_time`).

use serde::de::Error;
use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum Number {
    Int(i64),
    Float(f64),
}

fn whole<T: TryFrom<i64>, E: Error>(number: Number) -> Result<T, E> {
    // Both bounds are open: `i64::MAX as f64` rounds up to 2^63, out of range, and a float
    // at `i64::MIN` may be a rounded number below it.
    const LOW: f64 = i64::MIN as f64;
    const HIGH: f64 = i64::MAX as f64;
    let value = match number {
        Number::Int(value) => value,
        Number::Float(value) if value.fract() == 0.0 && value > LOW && value < HIGH => value as i64,
        Number::Float(value) => {
            return Err(E::custom(format!("{value} is not a whole number in range")));
        }
    };
    T::try_from(value).map_err(|_| E::custom(format!("{value} is out of range")))
}

pub fn deserialize<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<T, D::Error> {
    whole(Number::deserialize(d)?)
}

pub fn option<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<Number>::deserialize(d)?.map(whole).transpose()
}

pub fn vec<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<Vec<T>, D::Error> {
    Vec::<Number>::deserialize(d)?
        .into_iter()
        .map(whole)
        .collect()
}

/// An optional time: RFC 3339, or null, or blank for none. The document's `date-time` is
/// only an annotation in OpenAPI 3.1's JSON Schema, so a blank string is valid there.
pub fn optional_time<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) if text.trim().is_empty() => Ok(None),
        Some(text) => chrono::DateTime::parse_from_rfc3339(&text)
            .map(|t| Some(t.with_timezone(&chrono::Utc)))
            .map_err(|e| D::Error::custom(format!("{text:?} is not an RFC 3339 time: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use serde::de::value::{Error, F64Deserializer, I64Deserializer, StrDeserializer};

    #[test]
    fn whole_floats_are_integers_and_fractions_are_not() {
        let float = |n: f64| super::deserialize::<_, i32>(F64Deserializer::<Error>::new(n));
        let int = |n: i64| super::deserialize::<_, i32>(I64Deserializer::<Error>::new(n));
        assert_eq!(int(7).ok(), Some(7));
        assert_eq!(float(-7.0).ok(), Some(-7));
        assert!(float(7.5).is_err());
        assert!(int(3_000_000_000).is_err(), "beyond i32");
        assert!(float(1e300).is_err());
        assert!(super::deserialize::<_, i32>(StrDeserializer::<Error>::new("7")).is_err());
    }
}
