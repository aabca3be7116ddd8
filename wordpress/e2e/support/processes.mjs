// Processes of the end-to-end tests (MariaDB, `php -S`): each is started in its own process
// group, so that stopping it reaches the workers it forks too (PHP_CLI_SERVER_WORKERS), and only
// the groups started here are ever signalled. Ctrl-C stops them before the process leaves.
import {spawn, spawnSync} from 'node:child_process';
import {createConnection, createServer} from 'node:net';

const running = new Set();
/** Functions to run on Ctrl-C (site.mjs removes its temporary folder this way). */
const onInterrupt = new Set();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await Promise.all([...running].map((child) => stop(child, 3000)));
    for (const cleanUp of onInterrupt) cleanUp();
    process.exit(130);
  });
}

export function whenInterrupted(cleanUp) {
  onInterrupt.add(cleanUp);
  return () => onInterrupt.delete(cleanUp);
}

/** Starts a command in its own process group; `child.output()` is what it printed so far. */
export function start(command, args, options = {}) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...options,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  child.output = () => output;
  running.add(child);
  // The moment the leader is gone, whatever it forked goes too. Not later: once the group is
  // empty its number may be given to someone else's process (pid_max is 32768 here).
  child.once('exit', () => {
    signalGroup(child, 'SIGKILL');
    running.delete(child);
  });
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

const exited = (child) => child.exitCode !== null || child.signalCode !== null;

/**
 * SIGTERM to the child's group, SIGKILL after `timeoutMs` if it still runs. A child that has
 * already exited is left alone (its group was killed when it exited, see start()).
 */
export function stop(child, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    if (exited(child)) return resolve();
    const timer = setTimeout(() => {
      if (!exited(child)) signalGroup(child, 'SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    signalGroup(child, 'SIGTERM');
  });
}

/** Runs a command to its end; throws with its output unless it exits 0. Returns stdout. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 120_000, ...options});
  if (result.status !== 0) {
    const how = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new Error(
      `${command} ${args.join(' ')} failed (${how}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

export async function waitFor(what, test, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await test().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const socketAccepts = (path) =>
  new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
