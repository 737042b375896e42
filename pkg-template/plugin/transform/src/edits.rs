//! The splices of one module, applied in one pass that also writes the
//! source map's `mappings` (vlq.rs): every token of the input that the
//! output keeps maps to itself, a replaced range maps to its start (so the
//! helper call around an `await` maps to the `await`), inserted text to
//! nothing, as magic-string's overwrite and appendLeft did.

use crate::vlq::Mappings;

/// The inserted texts are borrowed: most of a module's are the same few
/// pieces, made once (lib.rs).
#[derive(Debug)]
enum Edit<'a> {
    /// Text before the input's byte `at` (magic-string's appendLeft).
    Insert { at: u32, text: &'a str },
    /// Text in place of the input's bytes `start..end`.
    Replace { start: u32, end: u32, text: &'a str },
}

impl Edit<'_> {
    fn start(&self) -> u32 {
        match self {
            Self::Insert { at, .. } => *at,
            Self::Replace { start, .. } => *start,
        }
    }

    /// At one offset, inserted text comes before a replacement.
    fn order(&self) -> (u32, u8) {
        (self.start(), matches!(self, Self::Replace { .. }) as u8)
    }
}

#[derive(Debug, Default)]
pub struct Edits<'a> {
    list: Vec<Edit<'a>>,
}

impl<'a> Edits<'a> {
    pub fn insert(&mut self, at: u32, text: &'a str) {
        self.list.push(Edit::Insert { at, text });
    }

    /// Text before the input's byte `at`, ahead of every other insert there.
    pub fn insert_first(&mut self, at: u32, text: &'a str) {
        self.list.insert(0, Edit::Insert { at, text });
    }

    pub fn replace(&mut self, start: u32, end: u32, text: &'a str) {
        self.list.push(Edit::Replace { start, end, text });
    }

    /// The edited code and, if `with_map`, its source map's `mappings`. Edits
    /// are applied in source order; at one offset, inserts keep the order
    /// they were made in. Offsets are the parser's, on character boundaries;
    /// one past the end of the code, or inside a replaced range, is dropped
    /// rather than panic.
    pub fn apply(mut self, code: &str, with_map: bool) -> (String, Option<String>) {
        self.list.sort_by_key(Edit::order);
        let extra: usize =
            self.list.iter().map(|e| if let Edit::Insert { text, .. } = e { text.len() } else { 8 }).sum();
        let mut out = String::with_capacity(code.len() + extra);
        let mut map = with_map.then(|| Mappings::new(code.len() / 2));
        let mut done = 0usize;
        for edit in &self.list {
            let start = edit.start() as usize;
            let Some(kept) = code.get(done..start) else { continue };
            if let Some(map) = &mut map {
                map.kept(kept);
            }
            out.push_str(kept);
            done = start;
            match edit {
                Edit::Insert { text, .. } => {
                    if let Some(map) = &mut map {
                        map.inserted(text);
                    }
                    out.push_str(text);
                }
                Edit::Replace { end, text, .. } => {
                    let Some(replaced) = code.get(start..*end as usize) else { continue };
                    if let Some(map) = &mut map {
                        map.replaced(text, replaced);
                    }
                    out.push_str(text);
                    done = *end as usize;
                }
            }
        }
        let rest = code.get(done..).unwrap_or_default();
        out.push_str(rest);
        (
            out,
            map.map(|mut map| {
                map.kept(rest);
                map.finish()
            }),
        )
    }
}
