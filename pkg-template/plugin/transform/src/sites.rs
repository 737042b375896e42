//! Where the rewrite acts, and what decides between `import` and `require`,
//! in one walk of the tree.

use oxc_ast::ast::{
    ArrowFunctionExpression, AssignmentExpression, AwaitExpression, CallExpression, Expression, ForOfStatement,
    FormalParameters, Function, ImportMeta, MemberExpression, Program, Statement, YieldExpression,
};
use oxc_ast_visit::{walk, Visit};
use oxc_span::GetSpan;
use oxc_syntax::scope::ScopeFlags;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An `await` expression: `start` is its keyword's.
    Await,
    /// The operand of a `for await` or of an async generator's `yield*`.
    Iterate,
}

/// A byte range of the source to rewrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
}

/// What one walk found.
#[derive(Debug, Default)]
pub struct Found {
    /// Innermost first, so that closing parentheses at one offset nest.
    pub sites: Vec<Site>,
    requires: bool,
    assigns_exports: bool,
    top_level_await: bool,
    import_meta: bool,
    /// The first `await` in a parameter list, which JS rejects (oxc's parser
    /// leaves that check to its semantic pass, which we do not run).
    pub await_in_parameters: Option<u32>,
}

impl Found {
    /// A script that calls require(…) or assigns module.exports / exports.x,
    /// with no top-level await: an import would turn it into an ES module
    /// and break module.exports. A script is what Babel's `unambiguous`
    /// made of a module with no import, export or import.meta (a top-level
    /// await alone did not make it a module there, so it does not here).
    pub fn is_commonjs(&self, program: &Program) -> bool {
        let esm = self.import_meta || program.body.iter().any(Statement::is_module_declaration);
        !esm && (self.requires || self.assigns_exports) && !self.top_level_await
    }
}

pub fn find(program: &Program) -> Found {
    let mut finder = Finder { found: Found::default(), functions: Vec::new() };
    finder.visit_program(program);
    finder.found
}

struct Finder {
    found: Found,
    functions: Vec<Frame>,
}

/// An enclosing function, innermost last.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Frame {
    is_async: bool,
    generator: bool,
    /// In its parameter list (not in a function nested there).
    in_parameters: bool,
}

impl Frame {
    fn new(is_async: bool, generator: bool) -> Self {
        Self { is_async, generator, in_parameters: false }
    }
}

impl<'a> Visit<'a> for Finder {
    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        self.functions.push(Frame::new(it.r#async, it.generator));
        walk::walk_function(self, it, flags);
        self.functions.pop();
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.functions.push(Frame::new(it.r#async, false));
        walk::walk_arrow_function_expression(self, it);
        self.functions.pop();
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
        self.found.sites.push(Site { kind: Kind::Await, start: it.span.start, end: it.span.end });
    }

    fn visit_for_of_statement(&mut self, it: &ForOfStatement<'a>) {
        walk::walk_for_of_statement(self, it);
        if it.r#await {
            let span = it.right.span();
            self.found.sites.push(Site { kind: Kind::Iterate, start: span.start, end: span.end });
        }
    }

    fn visit_yield_expression(&mut self, it: &YieldExpression<'a>) {
        walk::walk_yield_expression(self, it);
        // In a sync generator yield* reads no promise.
        let async_generator = self.functions.last().is_some_and(|f| f.is_async && f.generator);
        if let (true, true, Some(argument)) = (it.delegate, async_generator, &it.argument) {
            let span = argument.span();
            self.found.sites.push(Site { kind: Kind::Iterate, start: span.start, end: span.end });
        }
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if matches!(&it.callee, Expression::Identifier(id) if id.name == "require") {
            self.found.requires = true;
        }
        walk::walk_call_expression(self, it);
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if it.left.as_member_expression().is_some_and(exports_target) {
            self.found.assigns_exports = true;
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_import_meta(&mut self, _it: &ImportMeta) {
        self.found.import_meta = true;
    }
}

impl Finder {
    fn set_in_parameters(&mut self, frame: Option<usize>, value: bool) {
        if let Some(frame) = frame.and_then(|i| self.functions.get_mut(i)) {
            frame.in_parameters = value;
        }
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
