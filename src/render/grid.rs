//! Fitting a table to its width without cutting a word: each column is made at least as
//! wide as its longest word (an id, a URL, a word of a title) where the width allows, and
//! where it does not, the widest words are wrapped at their separators (`-`, `/`, `_`,
//! `.`, `?`, `&`, `=`), never inside a run of letters.
//!
//! The table library wraps a cell at spaces and cuts a word that is wider than its column
//! wherever the column ends (`cal|ifornia-insider`); given columns this wide, and words
//! already wrapped at their separators, it has nothing left to cut.

use std::borrow::Cow;

use super::marks;

/// What the table needs of a column to keep its words whole, and what it would like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ColumnNeed {
    /// The widest word in the column, in characters.
    pub widest_word: usize,
    /// The widest piece of a word once every word is wrapped at its separators.
    pub widest_piece: usize,
    /// The widest line of the column unwrapped: more than this is never useful.
    pub widest_line: usize,
    /// Words per cell, in hundredths: prose (titles, wordings) has many, a column of ids
    /// or values few.
    pub words_per_cell: usize,
}

/// Characters after which a word may be wrapped: ids (`kyiv-independent`), web addresses
/// (`https://host/path?query=value&more`) and file names.
const SEPARATORS: &[char] = &['-', '/', '_', '.', '?', '&', '=', '–'];

/// Whether a word may be wrapped after `c`.
pub fn is_separator(c: char) -> bool {
    SEPARATORS.contains(&c)
}

/// The pieces of `word` wrapped at its separators, each ending in its separator.
pub fn pieces(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // A separator at the very start (`-5`) stays with what follows it; a run of
        // separators (`//`) stays together.
        let first = rest
            .char_indices()
            .skip(1)
            .find(|&(_, c)| SEPARATORS.contains(&c))
            .map_or(rest.len(), |(at, _)| at);
        let end = rest[first..]
            .char_indices()
            .find(|&(_, c)| !SEPARATORS.contains(&c))
            .map_or(rest.len(), |(at, _)| first + at);
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// Display width of `text` in characters, leaving out the marks of its highlights.
pub fn visible_width(text: &str) -> usize {
    text.chars().filter(|&c| !marks::is_mark(c)).count()
}

/// What a column needs, gathered a cell at a time; tallies of parts of a column merge
/// into the tally of the whole, so a long column can be measured on every core.
#[derive(Debug, Clone, Copy, Default)]
pub struct ColumnTally {
    widest_line: usize,
    widest_word: usize,
    widest_piece: usize,
    words: usize,
    cells: usize,
}

impl ColumnTally {
    /// Count one cell's `text`: its lines, its words and their pieces, in one pass over
    /// its characters (a table of 100,000 rows measures every cell).
    pub fn add(&mut self, text: &str) {
        self.cells += 1;
        let mut line = 0;
        let mut word = WordTally::default();
        for c in text.chars() {
            if c == '\n' {
                self.widest_line = self.widest_line.max(line);
                line = 0;
            } else if !marks::is_mark(c) {
                line += 1;
            }
            if c.is_whitespace() {
                self.add_word(std::mem::take(&mut word));
            } else {
                word.push(c);
            }
        }
        self.widest_line = self.widest_line.max(line);
        self.add_word(word);
    }

    /// Count one word (nothing, when it is empty).
    fn add_word(&mut self, word: WordTally) {
        if word.chars == 0 {
            return;
        }
        self.words += 1;
        self.widest_word = self.widest_word.max(word.width);
        self.widest_piece = self.widest_piece.max(word.widest_piece());
    }

    /// The tally of both parts.
    pub fn merge(self, other: Self) -> Self {
        Self {
            widest_line: self.widest_line.max(other.widest_line),
            widest_word: self.widest_word.max(other.widest_word),
            widest_piece: self.widest_piece.max(other.widest_piece),
            words: self.words + other.words,
            cells: self.cells + other.cells,
        }
    }

    /// What the cells counted need.
    pub fn need(self) -> ColumnNeed {
        ColumnNeed {
            widest_word: self.widest_word,
            widest_piece: self.widest_piece,
            widest_line: self.widest_line,
            words_per_cell: 100 * self.words / self.cells.max(1),
        }
    }
}

/// One word's width and the widths of its pieces (as [`pieces`] cuts it), gathered a
/// character at a time.
#[derive(Debug, Clone, Copy, Default)]
struct WordTally {
    /// Characters so far, marks included.
    chars: usize,
    /// Display width so far.
    width: usize,
    /// Characters of the piece being read, marks included, and its display width.
    piece_chars: usize,
    piece_width: usize,
    /// Whether the piece being read has reached its separators (it ends before the next
    /// character that is not one).
    in_separators: bool,
    /// The widest piece already ended.
    widest_ended: usize,
}

impl WordTally {
    fn push(&mut self, c: char) {
        let separator = is_separator(c);
        if self.in_separators && !separator {
            self.widest_ended = self.widest_ended.max(self.piece_width);
            self.piece_chars = 0;
            self.piece_width = 0;
            self.in_separators = false;
        }
        // A separator at the very start of a piece stays with what follows it.
        if separator && self.piece_chars > 0 {
            self.in_separators = true;
        }
        self.chars += 1;
        self.piece_chars += 1;
        if !marks::is_mark(c) {
            self.width += 1;
            self.piece_width += 1;
        }
    }

    fn widest_piece(&self) -> usize {
        self.widest_ended.max(self.piece_width)
    }
}

/// Widths for columns with `needs` in `available` characters of text: each column its
/// widest word if they all fit; otherwise the widest columns give way, one character at a
/// time, down to their widest piece. `None` for a column means no lower bound (it cannot
/// keep its words whole even at its pieces, and the table may cut them).
pub fn column_widths(needs: &[ColumnNeed], available: usize) -> Vec<Option<usize>> {
    let mut widths: Vec<usize> = needs.iter().map(|need| need.widest_word).collect();
    let mut total: usize = widths.iter().sum();
    while total > available {
        let widest = (0..needs.len())
            .filter(|&index| widths[index] > needs[index].widest_piece)
            .max_by_key(|&index| (widths[index], std::cmp::Reverse(index)));
        let Some(index) = widest else { break };
        // Step down to the next width that changes how the column's words wrap: at least
        // one character, at most to the pieces' width.
        widths[index] -= 1;
        total -= 1;
    }
    let mut bounded: Vec<Option<usize>> = widths.into_iter().map(Some).collect();
    // Still too wide at the pieces' widths: give up the bounds of prose first (the
    // columns with the most words per cell: a word of a title may be cut before an id),
    // until the rest fit beside the room a column without a bound still needs.
    while total > available {
        let wordiest = (0..bounded.len())
            .filter_map(|index| {
                bounded[index].map(|width| (needs[index].words_per_cell, width, index))
            })
            .max();
        let Some((_, width, index)) = wordiest else {
            break;
        };
        bounded[index] = None;
        total = total - width + unbounded_width(&needs[index]);
    }
    bounded
}

/// The least room a column gets when it cannot keep its words whole: enough to read a
/// few characters of each word, no more than its widest line.
const UNBOUNDED_MIN: usize = 6;

fn unbounded_width(need: &ColumnNeed) -> usize {
    need.widest_line.clamp(1, UNBOUNDED_MIN)
}

/// The width of each column in `available` characters: first what keeps its words whole
/// (`column_widths`; a column that cannot starts at a few characters, and the table cuts
/// its words; in a table too narrow even for that, the widest columns give way), then what is left shared out a character at a time to the narrowest column
/// short of its widest line. The second value says which columns keep their words whole.
pub fn allocate(needs: &[ColumnNeed], available: usize) -> (Vec<usize>, Vec<bool>) {
    let bounds = column_widths(needs, available);
    let whole: Vec<bool> = bounds.iter().map(Option::is_some).collect();
    let mut widths: Vec<usize> = bounds
        .iter()
        .zip(needs)
        .map(|(bound, need)| bound.unwrap_or_else(|| unbounded_width(need)))
        .collect();
    // Narrower than even that: the widest columns give way, down to one character.
    let mut total: usize = widths.iter().sum();
    while total > available {
        let widest = (0..widths.len())
            .filter(|&index| widths[index] > 1)
            .max_by_key(|&index| (widths[index], std::cmp::Reverse(index)));
        let Some(index) = widest else { break };
        widths[index] -= 1;
        total -= 1;
    }
    let mut left = available.saturating_sub(total);
    while left > 0 {
        // Water-filling: the narrowest column short of its widest line grows first, so a
        // column of short values gets its full width and long text shares the rest evenly.
        let narrowest = (0..needs.len())
            .filter(|&index| widths[index] < needs[index].widest_line)
            .min_by_key(|&index| (widths[index], index));
        let Some(index) = narrowest else { break };
        widths[index] += 1;
        left -= 1;
    }
    (widths, whole)
}

/// `text` with every word wider than `width` wrapped at its separators onto lines of at
/// most `width` characters (a piece wider than that gets a line of its own).
pub fn wrap_wide_words(text: &str, width: usize) -> Cow<'_, str> {
    let too_wide = |word: &str| visible_width(word) > width;
    if !text.split_whitespace().any(too_wide) {
        return Cow::Borrowed(text);
    }
    let mut wrapped = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while !rest.is_empty() {
        let space_end = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        wrapped.push_str(&rest[..space_end]);
        rest = &rest[space_end..];
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..word_end];
        rest = &rest[word_end..];
        if !too_wide(word) {
            wrapped.push_str(word);
            continue;
        }
        let mut line = 0;
        for piece in pieces(word) {
            let piece_width = visible_width(piece);
            if line > 0 && line + piece_width > width {
                wrapped.push('\n');
                line = 0;
            }
            wrapped.push_str(piece);
            line += piece_width;
        }
    }
    Cow::Owned(wrapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a column holding `texts` needs to keep its words whole.
    fn column_need<'a>(texts: impl IntoIterator<Item = &'a str>) -> ColumnNeed {
        let mut tally = ColumnTally::default();
        for text in texts {
            tally.add(text);
        }
        tally.need()
    }

    proptest::proptest! {
        #[test]
        fn a_tally_in_one_pass_counts_lines_words_and_pieces(
            texts in proptest::collection::vec("[a-z \n./=–\u{2063}\u{2064}é-]{0,40}", 1..5)
        ) {
            let mut tally = ColumnTally::default();
            let (mut line, mut word, mut piece, mut words) = (0, 0, 0, 0);
            for text in &texts {
                tally.add(text);
                for each in text.lines() {
                    line = line.max(visible_width(each));
                }
                for each in text.split_whitespace() {
                    words += 1;
                    word = word.max(visible_width(each));
                    piece = piece.max(pieces(each).map(visible_width).max().unwrap_or(0));
                }
            }
            let need = tally.need();
            proptest::prop_assert_eq!(
                (need.widest_line, need.widest_word, need.widest_piece, need.words_per_cell),
                (line, word, piece, 100 * words / texts.len())
            );
        }
    }

    #[test]
    fn pieces_end_at_separators() {
        let split: Vec<&str> = pieces("https://a.b/c-d?e=f").collect();
        assert_eq!(split, ["https://", "a.", "b/", "c-", "d?", "e=", "f"]);
        assert_eq!(pieces("-5").collect::<Vec<_>>(), ["-5"]);
        assert_eq!(pieces("").count(), 0);
    }

    #[test]
    fn columns_keep_their_widest_word_when_all_fit() {
        let needs = [
            column_need(["security-guarantees"]),
            column_need(["a few words"]),
        ];
        assert_eq!(column_widths(&needs, 40), [Some(19), Some(5)]);
    }

    #[test]
    fn the_widest_column_gives_way_down_to_its_pieces() {
        let needs = [
            column_need(["security-guarantees"]),
            column_need(["constitutional"]),
        ];
        // 33 wanted, 25 available: the ids' column goes from 19 to 11 ("guarantees" is 10).
        assert_eq!(column_widths(&needs, 25), [Some(11), Some(14)]);
        // Not even the pieces fit: the bound of the column with more words per cell goes.
        let needs = [
            column_need(["security-guarantees"]),
            column_need(["a constitutional bar"]),
        ];
        assert_eq!(column_widths(&needs, 20), [Some(10), None]);
    }

    #[test]
    fn what_is_left_fills_the_narrowest_column_first() {
        let needs = [
            column_need(["kyiv-independent", "wsws"]),
            column_need(["a title of several words, longer than the space there is"]),
            column_need(["another long text that wants every character it can have"]),
        ];
        // The ids get their widest line; the two texts share the rest evenly.
        let (widths, whole) = allocate(&needs, 60);
        assert_eq!(widths, [16, 22, 22]);
        assert_eq!(whole, [true, true, true]);
        let needs = [needs[0], needs[1]];
        let (widths, _) = allocate(&needs, 100);
        assert_eq!(widths, [16, 56]);
    }

    #[test]
    fn wide_words_wrap_at_separators_only() {
        assert_eq!(
            wrap_wide_words("al-mayadeen, california-insider", 12),
            "al-mayadeen, california-\ninsider"
        );
        assert_eq!(wrap_wide_words("short words", 5), "short words");
        assert_eq!(
            wrap_wide_words("https://example.com/a-long-path", 12),
            "https://\nexample.com/\na-long-path"
        );
    }

    #[test]
    fn marks_do_not_count_and_marked_words_wrap_like_the_rest() {
        let marked = marks::marked("kyiv-independent");
        assert_eq!(visible_width(&marked), 16);
        assert_eq!(
            wrap_wide_words(&marked, 5),
            marks::marked("kyiv-\nindependent")
        );
    }
}
