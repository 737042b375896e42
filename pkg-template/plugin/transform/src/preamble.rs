//! The helpers' names and the one statement that brings them.

use oxc_ast::ast::{Program, Statement};
use oxc_span::GetSpan;
use oxc_syntax::identifier::is_identifier_part;

use crate::sites::Method;

/// Local names for the helpers that the module does not use already:
/// `__als_…`, else `__als1_…`, `__als2_…`.
pub struct HelperNames {
    pub awaited: String,
    pub resume: String,
    pub iterated: String,
    pub yielded: String,
    /// An async function's own record, and what it calls around its awaits.
    pub record: String,
    pub begin: String,
    pub suspend: String,
    pub resumed: String,
    pub caught: String,
    pub done: String,
    /// What a then, catch or finally call's receiver goes through, by
    /// sites::Method.
    pub reactions: [String; 3],
    /// What its arguments go through where the receiver cannot.
    pub callback: String,
}

/// Which helpers a module uses.
#[derive(Debug, Default, Clone, Copy)]
pub struct Used {
    pub awaits: bool,
    pub iterates: bool,
    pub yields: bool,
    pub in_place: bool,
    pub caught: bool,
    /// By sites::Method.
    pub reactions: [bool; 3],
    pub callbacks: bool,
}

impl HelperNames {
    pub fn for_code(code: &str) -> Self {
        let mut prefix = String::from("__als");
        let mut n = 1u32;
        while code.contains(&format!("{prefix}_")) {
            prefix = format!("__als{n}");
            n += 1;
        }
        let name = |helper: &str| format!("{prefix}_{helper}");
        Self {
            awaited: name("awaited"),
            resume: name("resume"),
            iterated: name("iterated"),
            yielded: name("yielded"),
            record: name("t"),
            begin: name("begin"),
            suspend: name("suspend"),
            resumed: name("resumed"),
            caught: name("caught"),
            done: name("done"),
            reactions: Method::ALL.map(|method| name(method.name())),
            callback: name("callback"),
        }
    }

    /// What replaces the `await` keyword (the operand follows, then `))`).
    pub fn await_open(&self) -> String {
        format!("{}(await {}(", self.resume, self.awaited)
    }

    /// The same in an async function bracketed in place.
    pub fn suspend_open(&self) -> String {
        format!("{}({t}, await {}({t},", self.resumed, self.suspend, t = self.record)
    }

    /// What opens an in-place function's body: its record, and the `try`
    /// whose `finally` closes it.
    pub fn body_open(&self) -> String {
        format!("const {} = {}(); try {{", self.record, self.begin)
    }

    pub fn body_close(&self) -> String {
        format!("}} finally {{ {}({}); }}", self.done, self.record)
    }

    /// The first statement of such a function's catch and finally blocks.
    pub fn caught_call(&self) -> String {
        format!("{}({});", self.caught, self.record)
    }

    /// The import (or require) of the helpers this module uses; after a
    /// statement that has no semicolon of its own, one comes first.
    pub fn statement(&self, used: Used, runtime_literal: &str, commonjs: bool, lead: bool) -> String {
        let mut helpers: Vec<(&str, &str)> = Vec::with_capacity(13);
        if used.awaits {
            helpers.push(("awaited", &self.awaited));
            helpers.push(("resume", &self.resume));
        }
        if used.iterates {
            helpers.push(("iterated", &self.iterated));
        }
        if used.yields {
            helpers.push(("yielded", &self.yielded));
        }
        if used.in_place {
            helpers.push(("begin", &self.begin));
            helpers.push(("suspend", &self.suspend));
            helpers.push(("resumed", &self.resumed));
            helpers.push(("done", &self.done));
        }
        if used.caught {
            helpers.push(("caught", &self.caught));
        }
        for ((used, method), local) in used.reactions.iter().zip(Method::ALL).zip(&self.reactions) {
            if *used {
                helpers.push((method.helper(), local));
            }
        }
        if used.callbacks {
            helpers.push(("callback", &self.callback));
        }
        let lead = if lead { ";" } else { "" };
        if commonjs {
            let list: Vec<String> = helpers.iter().map(|(name, local)| format!("{name}: {local}")).collect();
            format!("{lead}var {{ {} }} = require({runtime_literal});", list.join(", "))
        } else {
            let list: Vec<String> = helpers.iter().map(|(name, local)| format!("{name} as {local}")).collect();
            format!("{lead}import {{ {} }} from {runtime_literal};", list.join(", "))
        }
    }
}

/// Where the helpers' statement goes, on a line of existing code so that no
/// line moves: after the module's last import (imports run in the order they
/// are written, and the app's own first ones, zone.js or a polyfill, must keep
/// running before als-wasm); with none, on the line after a hashbang, or
/// after the directive prologue ('use strict' must stay first). A CommonJS
/// script's require goes first: its helpers may be called before a later
/// require.
pub fn position(program: &Program, code: &str, commonjs: bool) -> u32 {
    let mut at = 0;
    if let Some(hashbang) = &program.hashbang {
        let end = hashbang.span.end as usize;
        at = match code.get(end..).and_then(|rest| rest.find('\n')) {
            Some(newline) => (end + newline + 1) as u32,
            None => code.len() as u32,
        };
    }
    for directive in &program.directives {
        at = at.max(directive.span.end);
    }
    if !commonjs {
        for statement in &program.body {
            // Statements that load another module (an export without `from` loads none).
            let loads = matches!(
                statement,
                Statement::ImportDeclaration(_)
                    | Statement::ExportAllDeclaration(_)
                    | Statement::ExportFromDeclaration(_)
            );
            if loads {
                at = at.max(statement.span().end);
            }
        }
    }
    at
}

/// Whether the statement inserted at `at` needs a `;` first: the code before
/// it ends in neither a semicolon, a line break nor a block's `{` (it ends a
/// directive without a semicolon).
pub fn needs_semicolon(code: &str, at: u32) -> bool {
    let at = at as usize;
    at > 0 && !matches!(code.as_bytes().get(at - 1), Some(b';' | b'\n' | b'{'))
}

/// Whether the character before byte `at` continues an identifier, so that
/// text inserted there would join it.
pub fn ends_in_identifier(code: &str, at: u32) -> bool {
    code.get(..at as usize).and_then(|before| before.chars().next_back()).is_some_and(is_identifier_part)
}
