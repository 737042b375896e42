//! Top-level statements that read `globalThis.AsyncLocalStorage` while the
//! module is evaluated (unenv's `globalThis.AsyncLocalStorage || fallback`):
//! such a library keeps its fallback for good if it runs before
//! `import 'als-wasm/global'`, so the plugin puts a note before each
//! (pkg-template/plugin/global-reads.js says what the note does). Reads
//! inside functions happen later and are left alone, but for a function
//! called where it is written (UMD's and webpack's module wrappers).
//! Not seen: a bare `AsyncLocalStorage`, and reads through an alias of the
//! global object.

use oxc_ast::ast::{
    AccessorProperty, Argument, ArrowFunctionExpression, BindingPattern, CallExpression, ComputedMemberExpression,
    Expression, Function, MethodDefinition, NewExpression, ObjectProperty, Program, PropertyDefinition, PropertyKey,
    PropertyKind, StaticMemberExpression, VariableDeclarator,
};
use oxc_ast_visit::{walk, Visit};
use oxc_span::GetSpan;
use oxc_syntax::scope::ScopeFlags;

const NAME: &str = "AsyncLocalStorage";

/// The start of each top-level statement that reads the global at evaluation.
pub fn early_reads(program: &Program) -> Vec<u32> {
    let mut starts = Vec::new();
    for statement in &program.body {
        let mut reads = Reads { found: false };
        reads.visit_statement(statement);
        if reads.found {
            starts.push(statement.span().start);
        }
    }
    starts
}

fn is_global(expression: &Expression) -> bool {
    matches!(expression, Expression::Identifier(id) if matches!(id.name.as_str(), "globalThis" | "self" | "window" | "global"))
}

fn key_is_name(key: &PropertyKey, computed: bool) -> bool {
    match key {
        PropertyKey::StaticIdentifier(id) => !computed && id.name == NAME,
        PropertyKey::StringLiteral(s) => s.value == NAME,
        _ => false,
    }
}

/// The body of a function called where it is written ((function () { … })()).
fn called_now<'b, 'a>(callee: &'b Expression<'a>) -> Option<CalledNow<'b, 'a>> {
    match callee {
        Expression::FunctionExpression(f) => Some(CalledNow::Function(f)),
        Expression::ArrowFunctionExpression(a) => Some(CalledNow::Arrow(a)),
        _ => None,
    }
}

enum CalledNow<'b, 'a> {
    Function(&'b Function<'a>),
    Arrow(&'b ArrowFunctionExpression<'a>),
}

/// Whether the node visited reads the global while the module is evaluated.
struct Reads {
    found: bool,
}

impl Reads {
    /// A call or `new` of a function written in place runs that function's
    /// body now: its body and the arguments are visited, and true answered;
    /// false for any other callee (the caller walks the node as usual).
    fn visit_if_called_now<'a>(
        &mut self,
        callee: &Expression<'a>,
        arguments: &oxc_allocator::Vec<'a, Argument<'a>>,
    ) -> bool {
        let Some(callee) = called_now(callee) else { return false };
        self.visit_called_now(callee);
        self.visit_arguments(arguments);
        true
    }

    fn visit_called_now(&mut self, callee: CalledNow<'_, '_>) {
        match callee {
            CalledNow::Function(f) => {
                if let Some(body) = &f.body {
                    self.visit_function_body(body);
                }
            }
            CalledNow::Arrow(a) => self.visit_arrow_function_body(&a.body),
        }
    }
}

impl<'a> Visit<'a> for Reads {
    // globalThis.AsyncLocalStorage, globalThis?.AsyncLocalStorage
    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        if is_global(&it.object) && it.property.name == NAME {
            self.found = true;
        }
        walk::walk_static_member_expression(self, it);
    }

    // globalThis['AsyncLocalStorage']
    fn visit_computed_member_expression(&mut self, it: &ComputedMemberExpression<'a>) {
        if is_global(&it.object) && matches!(&it.expression, Expression::StringLiteral(s) if s.value == NAME) {
            self.found = true;
        }
        walk::walk_computed_member_expression(self, it);
    }

    // const { AsyncLocalStorage } = globalThis
    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let (BindingPattern::ObjectPattern(pattern), Some(init)) = (&it.id, &it.init) {
            if is_global(init) && pattern.properties.iter().any(|p| key_is_name(&p.key, p.computed)) {
                self.found = true;
            }
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if !self.visit_if_called_now(&it.callee, &it.arguments) {
            walk::walk_call_expression(self, it);
        }
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        if !self.visit_if_called_now(&it.callee, &it.arguments) {
            walk::walk_new_expression(self, it);
        }
    }

    // Functions run later; their keys, parameters and bodies with them.
    fn visit_function(&mut self, _it: &Function<'a>, _flags: ScopeFlags) {}

    fn visit_arrow_function_expression(&mut self, _it: &ArrowFunctionExpression<'a>) {}

    fn visit_method_definition(&mut self, _it: &MethodDefinition<'a>) {}

    fn visit_object_property(&mut self, it: &ObjectProperty<'a>) {
        if !it.method && it.kind == PropertyKind::Init {
            walk::walk_object_property(self, it);
        }
    }

    // An instance field runs when an instance is made, a static one now.
    fn visit_property_definition(&mut self, it: &PropertyDefinition<'a>) {
        if it.r#static {
            walk::walk_property_definition(self, it);
        }
    }

    fn visit_accessor_property(&mut self, it: &AccessorProperty<'a>) {
        if it.r#static {
            walk::walk_accessor_property(self, it);
        }
    }
}
