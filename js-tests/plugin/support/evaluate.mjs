// Runs a case's code (its input, or its output rewritten against the
// identity runtime) as a real module in Node and answers { value, calls }.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';

export const identityRuntime = fileURLToPath(new URL('identity-runtime.cjs', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'als-plugin-eval-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let serial = 0;

// Node 20 runs neither TypeScript nor JSX nor `await using`: esbuild strips
// types, compiles JSX to h(…) and lowers `using`, the same for input and
// output, and leaves await, for-await and generators as they are.
function runnable(code, c) {
  const loader = /\.(tsx?|jsx)$/.exec(c.file)?.[1];
  if (!loader && !c.lower) return code;
  return transformSync(code, {
    loader: loader ?? 'js',
    target: c.lower ? 'node20' : 'esnext',
    format: c.type === 'commonjs' ? 'cjs' : 'esm',
    jsx: 'transform',
    jsxFactory: 'h',
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  }).code;
}

export async function evaluate(code, c) {
  const file = join(dir, `${serial++}-${c.file.replace(/\.\w+$/, '')}${c.type === 'commonjs' ? '.cjs' : '.mjs'}`);
  writeFileSync(file, runnable(code, c));
  globalThis.__alsPluginCalls = { awaited: 0, resume: 0, iterated: 0, yielded: 0 };
  delete globalThis.caseResult;
  const exported = c.type === 'commonjs'
    ? createRequire(file)(file)
    : (await import(pathToFileURL(file).href)).default;
  const value = typeof exported === 'function' ? await exported() : exported ?? globalThis.caseResult;
  return { value, calls: { ...globalThis.__alsPluginCalls } };
}
