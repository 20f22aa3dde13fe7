//! Byte offsets into a text as Unicode code point positions, which the W3C Web Annotation
//! `TextPositionSelector` counts in (Rust slices a `str` by bytes).

/// The code point position of each byte offset in `bytes`, in their order: how many
/// characters of `text` come before it. `None` for an offset that is past the end of
/// `text` or inside a character. The text is counted once, from offset to offset in
/// ascending order, however many offsets are asked for.
pub fn code_point_offsets(text: &str, bytes: &[usize]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&index| bytes[index]);
    let mut found = vec![None; bytes.len()];
    // The last offset counted to, and the code points before it.
    let (mut byte, mut count) = (0, 0);
    for index in order {
        let Some(between) = text.get(byte..bytes[index]) else {
            continue;
        };
        count += between.chars().count();
        byte = bytes[index];
        found[index] = Some(count);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: the characters of the slice before `byte`, counted alone.
    fn counted_alone(text: &str, byte: usize) -> Option<usize> {
        text.get(..byte).map(|before| before.chars().count())
    }

    #[test]
    fn ascii_positions_are_the_byte_offsets() {
        let text = "Point 6 caps the army.";
        assert_eq!(
            code_point_offsets(text, &[0, 6, 7, text.len()]),
            [Some(0), Some(6), Some(7), Some(22)]
        );
        assert_eq!(code_point_offsets("", &[0]), [Some(0)]);
    }

    #[test]
    fn each_character_counts_once_whatever_its_width_in_bytes() {
        // ’ is 3 bytes, и 2, 🇺🇦 two code points of 4 bytes each, é written as e and a
        // combining accent (two code points).
        let text = "’и🇺🇦e\u{301}!";
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect();
        assert_eq!(boundaries, [0, 3, 5, 9, 13, 14, 16, 17]);
        let positions: Vec<Option<usize>> = (0..boundaries.len()).map(Some).collect();
        assert_eq!(code_point_offsets(text, &boundaries), positions);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_have_no_position() {
        let text = "a—b"; // the dash is bytes 1..4
        assert_eq!(
            code_point_offsets(text, &[2, 3, 4, 5, 99]),
            [None, None, Some(2), Some(3), None]
        );
        // A bad offset does not upset the count of the ones after it.
        assert_eq!(
            code_point_offsets(text, &[1, 2, 5]),
            [Some(1), None, Some(3)]
        );
    }

    #[test]
    fn offsets_in_any_order_and_repeated_are_each_answered() {
        let text = "«Київ» 🙂 says";
        let bytes = [text.len(), 0, 13, 2, 13, 18, 10];
        let expected: Vec<Option<usize>> = bytes
            .iter()
            .map(|&byte| counted_alone(text, byte))
            .collect();
        assert_eq!(code_point_offsets(text, &bytes), expected);
        assert!(expected.iter().all(Option::is_some), "{expected:?}");
    }

    #[test]
    fn every_offset_of_a_mixed_text_agrees_with_counting_it_alone() {
        let text = "“Peace” — мир, 和平, 🕊️ and e\u{301}.\r\n";
        let bytes: Vec<usize> = (0..=text.len() + 1).collect();
        let expected: Vec<Option<usize>> = bytes
            .iter()
            .map(|&byte| counted_alone(text, byte))
            .collect();
        assert_eq!(code_point_offsets(text, &bytes), expected);
        let reversed: Vec<usize> = bytes.iter().rev().copied().collect();
        let mut expected_reversed = expected.clone();
        expected_reversed.reverse();
        assert_eq!(code_point_offsets(text, &reversed), expected_reversed);
    }
}
