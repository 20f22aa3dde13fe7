//! `align`'s output for people: each clause found, its passages with byte offsets, and
//! the departures detected.

use std::fmt::Write;

use crate::records::align::ClauseMatch;
use crate::text::escape::visible;

/// One block per clause: number, title and score; then each passage with its offsets;
/// then each departure.
pub fn alignment_text(matches: &[ClauseMatch]) -> String {
    let mut text = String::new();
    for (index, found) in matches.iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        let _ = writeln!(
            text,
            "{:>2}. {} (score {:.2})",
            found.clause,
            visible(&found.title),
            found.score
        );
        for passage in &found.passages {
            let _ = writeln!(
                text,
                "    [{}..{}] {}",
                passage.start,
                passage.end,
                visible(&passage.text)
            );
        }
        for departure in &found.departures {
            let _ = writeln!(
                text,
                "    ! {}: text says {:?}; article says {:?}",
                departure.kind,
                departure.text_says,
                visible(&departure.outlet_says)
            );
        }
    }
    text
}
