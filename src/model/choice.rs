//! Closed choices (a stance, a departure's kind, an outlet's kind…) declared with one set of
//! derives: named in kebab-case alike by serde (the files and the JSON), strum (display,
//! parsing, the list of variants) and, through `cli/values.rs`, clap; documented by their
//! doc comments, which become the help of each value.

/// Declare a closed choice: an enum of unit variants with the derives every choice shares.
/// Attributes on the enum and its variants (doc comments, `#[serde(alias = …)]`,
/// `#[strum(…)]`) pass through.
macro_rules! closed_choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            PartialOrd,
            Ord,
            Hash,
            serde::Serialize,
            serde::Deserialize,
            schemars::JsonSchema,
            strum::Display,
            strum::EnumString,
            strum::IntoStaticStr,
            strum::VariantArray,
            strum::EnumMessage,
        )]
        #[serde(rename_all = "kebab-case")]
        #[strum(serialize_all = "kebab-case")]
        pub enum $name {
            $( $(#[$variant_meta])* $variant ),*
        }
    };
}

pub(crate) use closed_choice;
