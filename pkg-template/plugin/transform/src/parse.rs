//! Parsing as the bundlers do: JS with JSX, TS or TSX (the JS side reads the
//! language from the module id), `unambiguous` as Babel was told (a module
//! with no import or export is a script, where `await` may be a name).

use oxc_allocator::Allocator;
use oxc_ast::ast::Program;
use oxc_parser::{ParseOptions, Parser};
use oxc_span::SourceType;

/// The language of a module, from its id's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// JS, with JSX (esbuild and Vite accept JSX in .js files).
    Js,
    Ts,
    Tsx,
}

impl Lang {
    /// `"ts"`, `"tsx"`, anything else JS.
    pub fn from_name(name: &str) -> Self {
        match name {
            "ts" => Self::Ts,
            "tsx" => Self::Tsx,
            _ => Self::Js,
        }
    }

    fn source_type(self) -> SourceType {
        let base = match self {
            Self::Js => SourceType::jsx(),
            Self::Ts => SourceType::ts(),
            Self::Tsx => SourceType::tsx(),
        };
        base.with_unambiguous(true)
    }
}

/// The first syntax error, with its byte offset when oxc names one.
#[derive(Debug)]
pub struct SyntaxError {
    pub message: String,
    pub offset: Option<u32>,
}

pub fn parse<'a>(allocator: &'a Allocator, code: &'a str, lang: Lang) -> Result<Program<'a>, SyntaxError> {
    let options = ParseOptions {
        // CommonJS modules may return at the top level (Node wraps them).
        allow_return_outside_function: true,
        // Spans without the parentheses, as Babel gave them: an operand
        // written `(y)` is wrapped inside its parentheses.
        preserve_parens: false,
        ..ParseOptions::default()
    };
    let parsed = Parser::new(allocator, code, lang.source_type()).with_options(options).parse();
    // The first error in the source (oxc lists the lexer's errors first).
    let first = parsed
        .diagnostics
        .errors()
        .map(|error| {
            let primary = error.labels.iter().find(|l| l.primary());
            let offset = primary.or_else(|| error.labels.first()).map(|l| l.offset());
            (offset, error)
        })
        .min_by_key(|(offset, _)| offset.unwrap_or(u32::MAX));
    match first {
        Some((offset, error)) => Err(SyntaxError { message: error.message.to_string(), offset }),
        None if parsed.panicked => Err(SyntaxError { message: "Unexpected end of input".into(), offset: None }),
        None => Ok(parsed.program),
    }
}
