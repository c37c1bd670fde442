//! Quality guards: what a translation must not look like to be stored. Small models fail
//! in known ways: they loop (the same words to the length limit), come out empty, or run
//! far longer or shorter than their source. A sentence that trips a guard is translated
//! again on the next route, and a text no route passes fails visibly.

use pontis_types::translation::QualityGuard;
use unicode_segmentation::UnicodeSegmentation;

use crate::markup;

/// A loop: a run of one to four words repeated this many times in a row, covering at
/// least `LOOP_MIN_WORDS` words.
const LOOP_MIN_REPEATS: usize = 3;
const LOOP_MIN_WORDS: usize = 8;
const LOOP_MAX_NGRAM: usize = 4;

/// Out of proportion: longer than this many times the source plus the slack, or, for a
/// source of at least `SHORT_SOURCE_MIN` weighted characters, shorter than this fraction.
const LONGER_FACTOR: usize = 3;
const LONGER_SLACK: usize = 100;
const SHORTER_DIVISOR: usize = 5;
const SHORT_SOURCE_MIN: usize = 60;

/// The first guard `translation` (of the sentence `source`) trips, if any. Marks are not
/// counted: only the words.
pub fn check(source: &str, translation: &str) -> Option<QualityGuard> {
    let source = markup::strip(source);
    let translation = markup::strip(translation);
    let has_words = |text: &str| text.chars().any(char::is_alphanumeric);
    if has_words(&source) && !has_words(&translation) {
        return Some(QualityGuard::Empty);
    }
    if longest_loop(&translation) > longest_loop(&source) {
        return Some(QualityGuard::Looping);
    }
    let (from, to) = (weight(&source), weight(&translation));
    if to > LONGER_FACTOR * from + LONGER_SLACK
        || (from >= SHORT_SOURCE_MIN && to * SHORTER_DIVISOR < from)
    {
        return Some(QualityGuard::OutOfProportion);
    }
    None
}

/// How many words the longest loop in `text` covers, or 0 if none counts as a loop.
fn longest_loop(text: &str) -> usize {
    let words: Vec<String> = text.unicode_words().map(str::to_lowercase).collect();
    let mut longest = 0;
    for n in 1..=LOOP_MAX_NGRAM {
        let mut start = 0;
        while start + n <= words.len() {
            let mut repeats = 1;
            while start + (repeats + 1) * n <= words.len()
                && words[start..start + n] == words[start + repeats * n..start + (repeats + 1) * n]
            {
                repeats += 1;
            }
            let covered = repeats * n;
            if repeats >= LOOP_MIN_REPEATS && covered >= LOOP_MIN_WORDS {
                longest = longest.max(covered);
            }
            start += if repeats > 1 { covered } else { 1 };
        }
    }
    longest
}

/// Characters, not counting blanks, with each Han, kana or Hangul character counted as
/// three: a sentence in Chinese is about a third as long as in English.
fn weight(text: &str) -> usize {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_wide_script(c) { 3 } else { 1 })
        .sum()
}

fn is_wide_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_translations_pass() {
        for (source, translation) in [
            ("La casa es grande.", "The house is big."),
            ("明天见", "See you tomorrow"),
            ("Ja ja ja ja ja ja ja ja ja!", "Ha ha ha ha ha ha ha ha ha!"),
            ("Very very good.", "Muy muy bueno."),
            ("1, 2, 3.", "1, 2, 3."),
        ] {
            assert_eq!(check(source, translation), None, "{translation}");
        }
    }

    #[test]
    fn loops_empties_and_runaways_are_caught() {
        assert_eq!(
            check("El sol.", "The sun the sun the sun the sun the sun"),
            Some(QualityGuard::Looping)
        );
        assert_eq!(
            check("Hola.", "hello hello hello hello hello hello hello hello"),
            Some(QualityGuard::Looping)
        );
        assert_eq!(check("Hola.", " . "), Some(QualityGuard::Empty));
        assert_eq!(
            check(
                "Hola.",
                &"Hello there, said everyone in the room. ".repeat(4)
            ),
            Some(QualityGuard::OutOfProportion)
        );
        let long = "Los estudiantes de Francia escriben en francés y nosotros en español cada día.";
        assert_eq!(
            check(long, "Students."),
            Some(QualityGuard::OutOfProportion)
        );
    }
}
