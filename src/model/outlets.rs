//! The registry of outlets (`data/outlets.yaml`): every news organisation, agency or
//! official body a reference of the versions file may name, with the web hosts its pages
//! live on and what kind of outlet it is. The kind decides whether it may carry a fact
//! (data/CODEBOOK.md, "Sources: who can carry a fact").

use crate::model::choice::closed_choice;
use serde::{Deserialize, Serialize};

/// `data/outlets.yaml` as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutletsFile {
    #[serde(deserialize_with = "super::list")]
    pub outlets: Vec<Outlet>,
}

/// One outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    /// Lowercase letters, digits and hyphens, such as `reuters`.
    #[serde(deserialize_with = "super::text")]
    pub id: String,
    /// The outlet's name, such as `Reuters`.
    #[serde(deserialize_with = "super::text")]
    pub name: String,
    pub kind: OutletKind,
    /// ISO 3166-1 alpha-2 code of the country it is based in, such as `GB`.
    #[serde(deserialize_with = "super::text")]
    pub country: String,
    /// The web hosts its pages live on (`reuters.com`); a reference's address must be on
    /// one of them or on a subdomain of one.
    #[serde(deserialize_with = "super::list")]
    pub hosts: Vec<String>,
}

closed_choice! {
    /// What kind of outlet it is.
    pub enum OutletKind {
        /// A news agency (Reuters, AFP, AP, Ukrinform's wire is `state-media`).
        Wire,
        /// A newspaper with an editorial staff, in print or online.
        Newspaper,
        /// A broadcaster with a newsroom.
        Broadcaster,
        /// A news magazine with an editorial staff.
        Magazine,
        /// An online-only news organisation with an editorial staff.
        NewsSite,
        /// A government, institution or party speaking for itself: statements, transcripts.
        Official,
        /// Media a state controls: cited only for its government's own position.
        StateMedia,
        /// A research institute publishing under its name.
        ThinkTank,
        /// A documented disinformation network (the "Pravda" aggregator sites). Never cited.
        Disinformation,
        /// A site that republishes or rewrites others' copy for traffic. Never cited.
        ContentFarm,
        /// An unattributed blog. Never cited.
        Blog,
        /// A site that reposts others' stories without a newsroom of its own. Never cited.
        Republisher,
        /// A page written by a machine. Never cited.
        MachineWritten,
    }
}

impl OutletKind {
    /// Whether an outlet of this kind may carry a fact.
    pub fn carries_facts(self) -> bool {
        !matches!(
            self,
            OutletKind::Disinformation
                | OutletKind::ContentFarm
                | OutletKind::Blog
                | OutletKind::Republisher
                | OutletKind::MachineWritten
        )
    }

    /// Whether it is a wire service, newspaper, broadcaster or official source: the kinds
    /// a newsroom cites first.
    pub fn is_primary_news(self) -> bool {
        matches!(
            self,
            OutletKind::Wire
                | OutletKind::Newspaper
                | OutletKind::Broadcaster
                | OutletKind::Official
        )
    }
}

impl OutletsFile {
    /// The outlet with this id.
    pub fn outlet(&self, id: &str) -> Option<&Outlet> {
        self.outlets.iter().find(|outlet| outlet.id == id)
    }
}

impl Outlet {
    /// Whether `host` is one of the outlet's hosts or a subdomain of one.
    pub fn owns_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.hosts.iter().any(|own| {
            let own = own.to_ascii_lowercase();
            host == own
                || host
                    .strip_suffix(own.as_str())
                    .is_some_and(|rest| rest.ends_with('.'))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Outlet, OutletKind};

    #[test]
    fn a_host_is_owned_exactly_or_as_a_subdomain() {
        let reuters = Outlet {
            id: "reuters".into(),
            name: "Reuters".into(),
            kind: OutletKind::Wire,
            country: "GB".into(),
            hosts: vec!["reuters.com".into()],
        };
        assert!(reuters.owns_host("reuters.com"));
        assert!(reuters.owns_host("www.reuters.com"));
        assert!(reuters.owns_host("WWW.Reuters.com"));
        assert!(!reuters.owns_host("notreuters.com"));
        assert!(!reuters.owns_host("reuters.com.evil.example"));
        assert!(!OutletKind::Disinformation.carries_facts());
        assert!(OutletKind::StateMedia.carries_facts());
    }
}
