//! A tokenizer for text that may be written without spaces: runs of Chinese, Japanese or
//! Korean characters become overlapping character pairs ("太阳能" → "太阳", "阳能"), the
//! usual way to make such text findable without a dictionary; other letters and digits
//! form words. A query cut the same way becomes a phrase of pairs.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

#[derive(Debug, Clone, Default)]
pub struct CjkBigramTokenizer;

pub struct CjkTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for CjkBigramTokenizer {
    type TokenStream<'a> = CjkTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CjkTokenStream {
        CjkTokenStream {
            tokens: tokenize(text),
            next: 0,
        }
    }
}

impl TokenStream for CjkTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}'   // Katakana extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{1100}'..='\u{11FF}'   // Hangul Jamo
        | '\u{3130}'..='\u{318F}'   // Hangul compatibility Jamo
        | '\u{AC00}'..='\u{D7AF}'   // Hangul syllables
        | '\u{20000}'..='\u{2A6DF}' // CJK extension B
    )
}

#[derive(PartialEq)]
enum Run {
    None,
    Word,
    Cjk,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut run: Vec<(usize, char)> = Vec::new();
    let mut kind = Run::None;
    for (offset, c) in text.char_indices() {
        let this = if is_cjk(c) {
            Run::Cjk
        } else if c.is_alphanumeric() {
            Run::Word
        } else {
            Run::None
        };
        if this != kind {
            flush(&mut tokens, &run, &kind);
            run.clear();
            kind = this;
        }
        if kind != Run::None {
            run.push((offset, c));
        }
    }
    flush(&mut tokens, &run, &kind);
    tokens
}

fn flush(tokens: &mut Vec<Token>, run: &[(usize, char)], kind: &Run) {
    // The byte just past the run's `i`th character.
    let end_of = |i: usize| run.get(i).map_or(0, |(offset, c)| offset + c.len_utf8());
    let mut push = |from: usize, to: usize, text: String| {
        let position = tokens.len();
        tokens.push(Token {
            offset_from: from,
            offset_to: to,
            position,
            text,
            position_length: 1,
        });
    };
    match kind {
        Run::None => {}
        _ if run.is_empty() => {}
        Run::Word => {
            let (start, _) = run[0];
            push(
                start,
                end_of(run.len() - 1),
                run.iter().map(|(_, c)| c).collect(),
            );
        }
        Run::Cjk if run.len() == 1 => {
            let (start, c) = run[0];
            push(start, end_of(0), c.to_string());
        }
        Run::Cjk => {
            for (i, pair) in run.windows(2).enumerate() {
                push(
                    pair[0].0,
                    end_of(i + 1),
                    [pair[0].1, pair[1].1].iter().collect(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn cjk_runs_become_overlapping_pairs_and_other_letters_words() {
        assert_eq!(
            texts("太阳能电池 solar 2026"),
            ["太阳", "阳能", "能电", "电池", "solar", "2026"]
        );
        assert_eq!(
            texts("学校のプロジェクト"),
            [
                "学校", "校の", "のプ", "プロ", "ロジ", "ジェ", "ェク", "クト"
            ]
        );
        assert_eq!(texts("태양 에너지"), ["태양", "에너", "너지"]);
        assert_eq!(texts("水"), ["水"]);
    }

    #[test]
    fn offsets_cover_each_token() {
        let text = "x 太阳能";
        for token in tokenize(text) {
            assert_eq!(&text[token.offset_from..token.offset_to], token.text);
        }
    }
}
