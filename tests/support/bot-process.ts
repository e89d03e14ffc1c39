/**
 * Runs the bot as `npm start` does (src/main.ts in its own node process) so tests can
 * restart it, SIGTERM it or kill -9 it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './redis-server';
import { REPO_ROOT } from './bot-harness';

export interface BotProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Milliseconds from spawn until the bot said it listens. */
  readonly startMs: number;
  exited(): Promise<number | null>;
}

export function runMain(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: () => Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    ['-r', join(REPO_ROOT, 'tests/support/ts-register.js'), join(REPO_ROOT, 'src/main.ts')],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited: () => exit };
}

export async function startBotProcess(env: Record<string, string>, timeoutMs = 20_000): Promise<BotProcess> {
  const port = await freePort();
  const started = Date.now();
  const run = runMain({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  const deadline = started + timeoutMs;
  while (!run.output().includes('listening on')) {
    if (run.child.exitCode !== null)
      throw new Error(`bot exited with ${run.child.exitCode}:\n${run.output()}`);
    if (Date.now() > deadline) {
      run.child.kill('SIGKILL');
      throw new Error(`bot did not start in ${timeoutMs} ms:\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child: run.child,
    output: run.output,
    startMs: Date.now() - started,
    exited: run.exited,
  };
}
