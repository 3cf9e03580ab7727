// Starts a server in a child process and resolves with its URL (read from its first stdout line).
import { spawn } from 'node:child_process';

export function startChild(args, { env = {}, match = /(http:\/\/\S+)/ } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = match.exec(out);
      if (m) resolve({ url: m[1], child, readyMs: performance.now() - started, stop: () => stopChild(child) });
    });
  });
}

export function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
