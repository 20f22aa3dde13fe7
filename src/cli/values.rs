//! The closed choices that arguments take, as clap values: each is a type of a lower
//! layer (the model's vocabularies, the output's format), named as strum names it and
//! documented by its doc comment, so that no layer below this one knows of clap.

use clap::ValueEnum;
use clap::builder::PossibleValue;
use strum::{EnumMessage, VariantArray};

use crate::model::{DiscrepancyKind, Stance};
use crate::render::{ColorChoice, OutputFormat};

/// A possible value by the name strum gives the variant, its other spellings as aliases
/// and its doc comment as help.
fn possible_value<T>(value: &T) -> PossibleValue
where
    T: EnumMessage + Copy + Into<&'static str>,
{
    let name: &'static str = (*value).into();
    let mut possible = PossibleValue::new(name).aliases(
        value
            .get_serializations()
            .iter()
            .copied()
            .filter(move |spelling| *spelling != name),
    );
    if let Some(help) = value.get_documentation() {
        let help = help.trim().replace('\n', " ");
        possible = possible.help(help.strip_suffix('.').unwrap_or(&help).to_owned());
    }
    possible
}

macro_rules! value_enum_by_strum {
    ($($choice:ty),* $(,)?) => {$(
        impl ValueEnum for $choice {
            fn value_variants<'a>() -> &'a [Self] {
                <$choice as VariantArray>::VARIANTS
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(possible_value(self))
            }
        }
    )*};
}

value_enum_by_strum!(OutputFormat, ColorChoice, Stance, DiscrepancyKind);
