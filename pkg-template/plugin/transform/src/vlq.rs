//! A source map's `mappings` for an output made of the input's own text and
//! inserted text (one source). Lines break at `\n` only and columns count
//! UTF-16 code units, as JS strings and magic-string do.

pub struct Mappings {
    text: String,
    generated_column: i64,
    original_line: i64,
    original_column: i64,
    /// The previous segment's fields, which the next one is relative to.
    previous: (i64, i64, i64),
    /// Whether the current line has a segment (then the next one needs a comma).
    line_started: bool,
    /// Inside a run of word characters that has its segment already.
    in_word: bool,
}

impl Mappings {
    pub fn new(capacity: usize) -> Self {
        Self {
            text: String::with_capacity(capacity),
            generated_column: 0,
            original_line: 0,
            original_column: 0,
            previous: (0, 0, 0),
            line_started: false,
            in_word: false,
        }
    }

    /// Input text copied as it is: a segment at each word's start and at
    /// each other character but white space (magic-string's `hires:
    /// 'boundary'` without the segments of spaces and tabs, which no tool
    /// looks up), the first character of the run included (a run starts
    /// where an edit ends).
    pub fn kept(&mut self, text: &str) {
        self.in_word = false;
        for &byte in text.as_bytes() {
            match CLASS[usize::from(byte)] {
                NEWLINE => {
                    self.next_line();
                    self.original_line += 1;
                    self.original_column = 0;
                    continue;
                }
                WORD => {
                    if !self.in_word {
                        self.segment();
                        self.in_word = true;
                    }
                }
                SPACE => self.in_word = false,
                // A UTF-8 continuation byte: its character counted at its first byte.
                CONTINUATION => continue,
                _ => {
                    self.segment();
                    self.in_word = false;
                }
            }
            // Four UTF-8 bytes make a character outside the BMP: two UTF-16 units.
            let units = if byte >= 0xF0 { 2 } else { 1 };
            self.generated_column += units;
            self.original_column += units;
        }
    }

    /// Text that is not in the input: no segment.
    pub fn inserted(&mut self, text: &str) {
        self.advance_generated(text);
    }

    /// `text` in place of the input's `replaced`: one segment, at its start.
    pub fn replaced(&mut self, text: &str, replaced: &str) {
        self.segment();
        self.advance_generated(text);
        for (i, line) in replaced.split('\n').enumerate() {
            if i > 0 {
                self.original_line += 1;
                self.original_column = 0;
            }
            self.original_column += line.encode_utf16().count() as i64;
        }
    }

    pub fn finish(self) -> String {
        self.text
    }

    fn advance_generated(&mut self, text: &str) {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.next_line();
            }
            self.generated_column += line.encode_utf16().count() as i64;
        }
        self.in_word = false;
    }

    fn next_line(&mut self) {
        self.text.push(';');
        self.generated_column = 0;
        self.previous.0 = 0;
        self.line_started = false;
        self.in_word = false;
    }

    fn segment(&mut self) {
        if self.line_started {
            self.text.push(',');
        }
        self.line_started = true;
        let (column, line, original_column) = self.previous;
        encode(&mut self.text, self.generated_column - column);
        // The one source: index 0, relative to itself.
        self.text.push('A');
        encode(&mut self.text, self.original_line - line);
        encode(&mut self.text, self.original_column - original_column);
        self.previous = (self.generated_column, self.original_line, self.original_column);
    }
}

const OTHER: u8 = 0;
const WORD: u8 = 1;
const SPACE: u8 = 2;
const NEWLINE: u8 = 3;
const CONTINUATION: u8 = 4;

/// What each byte of UTF-8 text is to `kept` (a word is `\w`, as
/// magic-string's boundaries are).
const CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' => WORD,
            b' ' | b'\t' | b'\r' => SPACE,
            b'\n' => NEWLINE,
            0x80..=0xBF => CONTINUATION,
            _ => OTHER,
        };
        b += 1;
    }
    class
};

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 VLQ: the sign in the lowest bit, five bits a digit, low digits first.
fn encode(out: &mut String, value: i64) {
    // Most deltas are small: one digit.
    if (-15..=15).contains(&value) {
        let digit = if value < 0 { ((-value) << 1) | 1 } else { value << 1 };
        out.push(char::from(BASE64[digit as usize]));
        return;
    }
    let mut rest = if value < 0 { ((-value) << 1) | 1 } else { value << 1 };
    loop {
        let mut digit = (rest & 31) as usize;
        rest >>= 5;
        if rest > 0 {
            digit |= 32;
        }
        out.push(char::from(BASE64[digit]));
        if rest == 0 {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vlq(value: i64) -> String {
        let mut out = String::new();
        encode(&mut out, value);
        out
    }

    #[test]
    fn encodes_as_the_source_map_spec_does() {
        assert_eq!(vlq(0), "A");
        assert_eq!(vlq(1), "C");
        assert_eq!(vlq(-1), "D");
        assert_eq!(vlq(15), "e");
        assert_eq!(vlq(16), "gB");
        assert_eq!(vlq(-16), "hB");
        assert_eq!(vlq(1000), "w+B");
    }

    #[test]
    fn a_segment_per_word_and_per_other_character() {
        let mut map = Mappings::new(0);
        map.kept("ab +c\nd");
        // `ab` at 0, `+` at 3, `c` at 4 (none for the space); `d` at line 2, column 0.
        assert_eq!(map.finish(), "AAAA,GAAG,CAAC;AACJ");
    }

    #[test]
    fn columns_count_utf16_units() {
        let mut map = Mappings::new(0);
        // é: one unit; 😀: two.
        map.kept("é😀x");
        assert_eq!(map.finish(), "AAAA,CAAC,EAAE");
    }

    #[test]
    fn inserted_text_has_no_segment_and_a_replacement_one() {
        let mut map = Mappings::new(0);
        map.inserted("ins;");
        map.kept("x");
        map.replaced("long replacement", "await");
        map.kept(" y");
        assert_eq!(map.finish(), "IAAA,CAAC,iBAAM");
    }
}
