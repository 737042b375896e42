//! Where the rewrite acts, and what decides between `import` and `require`,
//! in one walk of the tree.

use oxc_ast::ast::{
    AccessorProperty, Argument, ArrowFunctionBody, ArrowFunctionExpression, AssignmentExpression, AwaitExpression,
    CallExpression, Decorator, Expression, ForOfStatement, FormalParameters, Function, FunctionBody, ImportMeta,
    MemberExpression, Program, PropertyDefinition, Statement, StaticBlock, ThisExpression, TryStatement,
    VariableDeclaration, VariableDeclarationKind, YieldExpression,
};
use oxc_ast_visit::{walk, Visit};
use oxc_span::GetSpan;
use oxc_syntax::scope::ScopeFlags;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An `await` expression bracketed by jobs (top level, async generators,
    /// functions with implicit awaits): `start` is its keyword's.
    Await,
    /// An `await` of an async function bracketed in place (`suspend` and
    /// `resumed` around it): `start` is its keyword's.
    Suspend,
    /// The operand of a `for await` or of an async generator's `yield*`.
    Iterate,
    /// The operand of an async generator's `yield`, which it awaits: the job
    /// that settles that await also resumes the body for a `next()` queued
    /// meanwhile.
    Yield,
    /// An async generator's `yield` with no operand: `start` is right after
    /// its keyword (it awaits `undefined`).
    YieldNothing,
    /// A catch or finally block of such a function: `start` is its `{`.
    Caught,
    /// Such a function's block body: `start` is where its record goes (after
    /// the `{` and any directives), `end` its closing `}`.
    Body,
    /// Such an arrow's expression body: `start` is the expression's (its
    /// parentheses included), `end` the arrow's end.
    ExpressionBody,
}

/// A byte range of the source to rewrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
}

/// The promise method a call names: `x.then(…)`, `x.catch(…)`, `x.finally(…)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Then,
    Catch,
    Finally,
}

impl Method {
    pub const ALL: [Self; 3] = [Self::Then, Self::Catch, Self::Finally];

    /// As a call writes it (and the end of the local name of its helper).
    pub fn name(self) -> &'static str {
        match self {
            Self::Then => "then",
            Self::Catch => "catch",
            Self::Finally => "finally",
        }
    }

    /// The runtime's export for its receivers (not `then`: a module
    /// namespace with a `then` export is a thenable).
    pub fn helper(self) -> &'static str {
        match self {
            Self::Then => "thenOf",
            Self::Catch => "catchOf",
            Self::Finally => "finallyOf",
        }
    }
}

/// A call of a then, catch or finally method, rewritten with the await hook
/// off (the carrier leaves `Promise.prototype.then` as the engine made it
/// there): `start..end` is the receiver's span, or for `super.then(…)` the
/// whole `super.then` (`on_super`), the method read there and `this` the
/// receiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reaction {
    pub method: Method,
    pub start: u32,
    pub end: u32,
    pub on_super: bool,
}

/// What one walk found.
#[derive(Debug, Default)]
pub struct Found {
    /// Innermost first, so that closing parentheses at one offset nest.
    pub sites: Vec<Site>,
    /// Outermost first (an enclosing call's receiver opens first at one
    /// offset); only when asked for.
    pub reactions: Vec<Reaction>,
    /// The arguments of such a call whose receiver continues an optional
    /// chain (`a?.b.then(f)`: the receiver cannot be wrapped), each wrapped
    /// instead: `__als_callback((f))`. Outermost first.
    pub callbacks: Vec<(u32, u32)>,
    requires: bool,
    assigns_exports: bool,
    /// A `this` whose value is the module's own (no function or class body
    /// binds it): bundlers give a script's top-level `this` its CommonJS
    /// `exports` (UMD's `(function (root) {…})(this)`), an ES module's is
    /// `undefined`.
    top_level_this: bool,
    top_level_await: bool,
    import_meta: bool,
    /// The first `await` in a parameter list, which JS rejects (oxc's parser
    /// leaves that check to its semantic pass, which we do not run).
    pub await_in_parameters: Option<u32>,
}

impl Found {
    /// A script that calls require(…), assigns module.exports / exports.x or
    /// reads a top-level `this`, with no top-level await: an import would
    /// turn it into an ES module and break module.exports (or make `this`
    /// undefined: webpack does). A script is what Babel's `unambiguous`
    /// made of a module with no import, export or import.meta (a top-level
    /// await alone did not make it a module there, so it does not here).
    pub fn is_commonjs(&self, program: &Program) -> bool {
        let esm = self.import_meta || program.body.iter().any(Statement::is_module_declaration);
        !esm && (self.requires || self.assigns_exports || self.top_level_this) && !self.top_level_await
    }
}

/// `reactions`: whether then, catch and finally calls are sites too.
pub fn find(program: &Program, code: &str, reactions: bool) -> Found {
    let mut finder =
        Finder { code, reactions, in_decorator: 0, binds_this: 0, found: Found::default(), functions: Vec::new() };
    finder.visit_program(program);
    finder.found
}

struct Finder<'c> {
    code: &'c str,
    reactions: bool,
    /// Inside a decorator's expression: `@x.then(f)` would not parse as
    /// `@__als_then((x)).then(f)`, so its calls stay as they are.
    in_decorator: u32,
    /// Functions (not arrows), class fields and static blocks around the
    /// walk: each binds a `this` of its own (`binding_this`). A field's
    /// decorators and computed key read the class's `this`, but count as
    /// inside: a `this` there only leaves the module an import, as before.
    binds_this: u32,
    found: Found,
    functions: Vec<Frame>,
}

/// An enclosing function, innermost last.
#[derive(Clone, PartialEq, Eq)]
struct Frame {
    is_async: bool,
    generator: bool,
    /// In its parameter list (not in a function nested there).
    in_parameters: bool,
    /// Its own awaits: indices into `Found::sites`.
    awaits: Vec<usize>,
    /// The `{` of its own catch and finally blocks.
    handlers: Vec<u32>,
    /// It awaits where no `await` is written (`for await`, `await using`).
    implicit: bool,
}

impl Frame {
    fn new(is_async: bool, generator: bool) -> Self {
        Self { is_async, generator, in_parameters: false, awaits: Vec::new(), handlers: Vec::new(), implicit: false }
    }

    /// Whether its awaits are bracketed in place: an async function, not a
    /// generator, with no implicit await (carrier/plugin-hooks.js).
    fn in_place(&self) -> bool {
        self.is_async && !self.generator && !self.implicit && !self.awaits.is_empty()
    }
}

impl<'a> Visit<'a> for Finder<'_> {
    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        self.functions.push(Frame::new(it.r#async, it.generator));
        self.binding_this(|s| walk::walk_function(s, it, flags));
        if let (Some(frame), Some(body)) = (self.functions.pop(), &it.body) {
            self.close(frame, Kind::Body, body_start(body), body.span.end.saturating_sub(1));
        }
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.functions.push(Frame::new(it.r#async, false));
        walk::walk_arrow_function_expression(self, it);
        if let Some(frame) = self.functions.pop() {
            match &it.body {
                ArrowFunctionBody::FunctionBody(body) => {
                    self.close(frame, Kind::Body, body_start(body), body.span.end.saturating_sub(1));
                }
                expression => {
                    // Its parentheses are not in the tree: where the body's text
                    // begins is the first token after `=>`.
                    let head = it.return_type.as_ref().map_or(it.params.span.end, |t| t.span.end);
                    let start = expression_body_start(self.code, head, expression.span().start);
                    self.close(frame, Kind::ExpressionBody, start, it.span.end);
                }
            }
        }
    }

    fn visit_try_statement(&mut self, it: &TryStatement<'a>) {
        walk::walk_try_statement(self, it);
        if let Some(frame) = self.functions.last_mut() {
            if let Some(handler) = &it.handler {
                frame.handlers.push(handler.body.span.start);
            }
            if let Some(finalizer) = &it.finalizer {
                frame.handlers.push(finalizer.span.start);
            }
        }
    }

    fn visit_variable_declaration(&mut self, it: &VariableDeclaration<'a>) {
        if it.kind == VariableDeclarationKind::AwaitUsing {
            self.mark_implicit();
        }
        walk::walk_variable_declaration(self, it);
    }

    fn visit_formal_parameters(&mut self, it: &FormalParameters<'a>) {
        let frame = self.functions.len().checked_sub(1);
        self.set_in_parameters(frame, true);
        walk::walk_formal_parameters(self, it);
        self.set_in_parameters(frame, false);
    }

    fn visit_await_expression(&mut self, it: &AwaitExpression<'a>) {
        walk::walk_await_expression(self, it);
        match self.functions.last() {
            None => self.found.top_level_await = true,
            Some(frame) if frame.in_parameters => {
                self.found.await_in_parameters.get_or_insert(it.span.start);
            }
            Some(_) => {}
        }
        if let Some(frame) = self.functions.last_mut() {
            frame.awaits.push(self.found.sites.len());
        }
        self.found.sites.push(Site { kind: Kind::Await, start: it.span.start, end: it.span.end });
    }

    fn visit_for_of_statement(&mut self, it: &ForOfStatement<'a>) {
        walk::walk_for_of_statement(self, it);
        if it.r#await {
            self.mark_implicit();
            let span = it.right.span();
            self.found.sites.push(Site { kind: Kind::Iterate, start: span.start, end: span.end });
        }
    }

    fn visit_yield_expression(&mut self, it: &YieldExpression<'a>) {
        walk::walk_yield_expression(self, it);
        // In a sync generator yield* reads no promise.
        let async_generator = self.functions.last().is_some_and(|f| f.is_async && f.generator);
        if !async_generator {
            return;
        }
        let keyword_end = it.span.start + "yield".len() as u32;
        let site = match (&it.argument, it.delegate) {
            (Some(argument), delegate) => {
                let span = argument.span();
                Site { kind: if delegate { Kind::Iterate } else { Kind::Yield }, start: span.start, end: span.end }
            }
            (None, false) => Site { kind: Kind::YieldNothing, start: keyword_end, end: keyword_end },
            (None, true) => return,
        };
        self.found.sites.push(site);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if matches!(&it.callee, Expression::Identifier(id) if id.name == "require") {
            self.found.requires = true;
        }
        if self.reactions && self.in_decorator == 0 {
            match reaction(it) {
                Some(Wrap::Receiver(reaction)) => self.found.reactions.push(reaction),
                Some(Wrap::Arguments) => {
                    self.found.callbacks.extend(it.arguments.iter().map(|a| (a.span().start, a.span().end)));
                }
                None => {}
            }
        }
        walk::walk_call_expression(self, it);
    }

    fn visit_decorator(&mut self, it: &Decorator<'a>) {
        self.in_decorator += 1;
        walk::walk_decorator(self, it);
        self.in_decorator -= 1;
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if it.left.as_member_expression().is_some_and(exports_target) {
            self.found.assigns_exports = true;
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_this_expression(&mut self, _it: &ThisExpression) {
        if self.binds_this == 0 {
            self.found.top_level_this = true;
        }
    }

    fn visit_property_definition(&mut self, it: &PropertyDefinition<'a>) {
        self.binding_this(|s| walk::walk_property_definition(s, it));
    }

    fn visit_accessor_property(&mut self, it: &AccessorProperty<'a>) {
        self.binding_this(|s| walk::walk_accessor_property(s, it));
    }

    fn visit_static_block(&mut self, it: &StaticBlock<'a>) {
        self.binding_this(|s| walk::walk_static_block(s, it));
    }

    fn visit_import_meta(&mut self, _it: &ImportMeta) {
        self.found.import_meta = true;
    }
}

impl Finder<'_> {
    /// A function's walk is over: where its awaits are bracketed in place,
    /// they become `Suspend`, and its catch and finally blocks and its body
    /// sites of their own, after everything in it (so that closing text at
    /// one offset nests).
    fn close(&mut self, frame: Frame, body: Kind, start: u32, end: u32) {
        if !frame.in_place() {
            return;
        }
        for &index in &frame.awaits {
            if let Some(site) = self.found.sites.get_mut(index) {
                site.kind = Kind::Suspend;
            }
        }
        for &open in &frame.handlers {
            self.found.sites.push(Site { kind: Kind::Caught, start: open, end: open });
        }
        self.found.sites.push(Site { kind: body, start, end });
    }

    /// `walk` inside something that binds a `this` of its own: a `this`
    /// there is not the module's.
    fn binding_this(&mut self, walk: impl FnOnce(&mut Self)) {
        self.binds_this += 1;
        walk(self);
        self.binds_this -= 1;
    }

    fn mark_implicit(&mut self) {
        if let Some(frame) = self.functions.last_mut() {
            frame.implicit = true;
        }
    }

    fn set_in_parameters(&mut self, frame: Option<usize>, value: bool) {
        if let Some(frame) = frame.and_then(|i| self.functions.get_mut(i)) {
            frame.in_parameters = value;
        }
    }
}

/// Where an arrow's expression body begins, its parentheses included: the
/// first token after the `=>` that follows `head` (the end of the parameters,
/// or of the return type). `fallback` (the expression's own start) if the
/// text there is not as expected.
fn expression_body_start(code: &str, head: u32, fallback: u32) -> u32 {
    let arrow = skip_trivia(code, head as usize);
    if code.get(arrow..arrow + 2) != Some("=>") {
        return fallback;
    }
    let start = skip_trivia(code, arrow + 2);
    u32::try_from(start).ok().filter(|&s| s <= fallback).unwrap_or(fallback)
}

/// The offset of the first byte at or after `at` that is neither white space
/// nor inside a comment.
fn skip_trivia(code: &str, mut at: usize) -> usize {
    loop {
        let Some(rest) = code.get(at..) else { return at };
        if rest.starts_with("//") {
            at += rest.find(['\n', '\r', '\u{2028}', '\u{2029}']).unwrap_or(rest.len());
        } else if let Some(comment) = rest.strip_prefix("/*") {
            at += 2 + comment.find("*/").map_or(comment.len(), |end| end + 2);
        } else if let Some(c) = rest.chars().next().filter(|c| c.is_whitespace() || *c == '\u{feff}') {
            at += c.len_utf8();
        } else {
            return at;
        }
    }
}

/// Where a block body's record goes: after its `{` and its directives
/// ('use strict' must stay first).
fn body_start(body: &FunctionBody) -> u32 {
    body.directives.last().map_or(body.span.start + 1, |directive| directive.span.end)
}

/// How a then, catch or finally call is rewritten.
enum Wrap {
    /// Its receiver goes through the helper.
    Receiver(Reaction),
    /// Its receiver continues an optional chain: wrapped, `a?.b` would end
    /// the chain there, and a nullish `a` would throw. Its arguments are
    /// wrapped instead (none is a spread).
    Arguments,
}

/// `x.then(…)`, `x?.catch(…)`, `x["finally"](…)`, `super.then(…)`, and
/// `a?.b.then(…)`.
fn reaction(call: &CallExpression) -> Option<Wrap> {
    let member = call.callee.as_member_expression()?;
    let name = member.static_property_name()?;
    let method = Method::ALL.into_iter().find(|m| m.name() == name)?;
    let object = member.object();
    if object.is_super() {
        let span = member.span();
        return Some(Wrap::Receiver(Reaction { method, start: span.start, end: span.end, on_super: true }));
    }
    if continues_a_chain(object) {
        let spread = call.arguments.iter().any(|a| matches!(a, Argument::SpreadElement(_)));
        return (!spread && !call.arguments.is_empty()).then_some(Wrap::Arguments);
    }
    let span = object.span();
    Some(Wrap::Receiver(Reaction { method, start: span.start, end: span.end, on_super: false }))
}

/// Whether `expression` holds an optional link of the chain it is part of
/// (a parenthesized chain is a ChainExpression of its own, and ends there).
fn continues_a_chain(mut expression: &Expression) -> bool {
    loop {
        expression = match expression {
            Expression::CallExpression(call) if call.optional => return true,
            Expression::CallExpression(call) => &call.callee,
            Expression::TSNonNullExpression(non_null) => &non_null.expression,
            other => match other.as_member_expression() {
                Some(member) if member.optional() => return true,
                Some(member) => member.object(),
                None => return false,
            },
        };
    }
}

/// module.exports, module.exports.x, exports.x (at any depth).
fn exports_target(member: &MemberExpression) -> bool {
    match member.object() {
        Expression::Identifier(object) => {
            object.name == "exports"
                || (object.name == "module"
                    && matches!(member, MemberExpression::StaticMemberExpression(m) if m.property.name == "exports"))
        }
        object => object.as_member_expression().is_some_and(exports_target),
    }
}
