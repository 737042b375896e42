// Runs a command (the scratch projects' tools, run-fresh.mjs's case
// processes); answers its stdout, or throws with everything it printed.
// A command still running after `timeout` ms is killed and fails.
import { spawn } from 'node:child_process';

export function exec(command, args, { cwd, env, timeout = 240_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeout);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const how = timedOut ? `timed out after ${timeout / 1000} s` : `exited ${code ?? signal}`;
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} ${how}\n${out}\n${err}`.trim()));
    });
  });
}
