//! Byte offsets (oxc's spans are UTF-8) as the line and column JS tools give.

/// The 1-based line and the 0-based column in UTF-16 code units of byte
/// `offset` of `code`, lines ending as JS's do (\n, \r\n, \r, U+2028,
/// U+2029), as Babel's `loc` counted them. An offset past the end, or inside
/// a character, counts as far as it reaches.
pub fn line_and_column(code: &str, offset: u32) -> (u32, u32) {
    let before = code.as_bytes().get(..offset as usize).unwrap_or(code.as_bytes());
    let before = String::from_utf8_lossy(before);
    let (mut line, mut column) = (1u32, 0u32);
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                line += 1;
                column = 0;
            }
            _ => column += c.len_utf16() as u32,
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::line_and_column;

    #[test]
    fn lines_end_as_in_js_and_columns_count_utf16_units() {
        assert_eq!(line_and_column("ab", 1), (1, 1));
        assert_eq!(line_and_column("a\nb\r\nc\rd", 7), (4, 0));
        assert_eq!(line_and_column("a\u{2028}b", 4), (2, 0));
        // é is 2 bytes and 1 unit; 😀 4 bytes and 2 units.
        assert_eq!(line_and_column("é😀x", 6), (1, 3));
        assert_eq!(line_and_column("x", 99), (1, 1));
    }
}
