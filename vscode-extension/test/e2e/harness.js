// Shared by the e2e tests: a throwaway workspace, code-server (the real VS Code) and headless Chromium.
'use strict';
const cp = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const EXT_DIR = path.resolve(__dirname, '..', '..');
const CODE_SERVER = path.join(EXT_DIR, 'test', 'host', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const MIGRATION = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n';

function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `miglint-vscode-${name}-`));
}

/** A project with one migration that lacks IF NOT EXISTS. */
function makeWorkspace(root) {
  const ws = path.join(root, 'project');
  fs.mkdirSync(path.join(ws, 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'migrations', '001_init.sql'), MIGRATION);
  return ws;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Every piece of editor state goes under root, never $HOME. */
function isolatedEnv(root, extra = {}) {
  const home = path.join(root, 'home');
  fs.mkdirSync(home, { recursive: true });
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    ...extra,
  };
}

function codeServerArgs(root) {
  const userData = path.join(root, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  // Quiet workbench: no welcome page, no trust prompt, no network chatter.
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'update.mode': 'none',
    'editor.hover.delay': 200,
  }, null, 2));
  const config = path.join(root, 'code-server.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  return ['--config', config, '--user-data-dir', userData, '--extensions-dir', path.join(root, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
}

function run(cmd, args, opts) {
  const r = cp.spawnSync(cmd, args, { encoding: 'utf8', timeout: 120000, ...opts });
  if (r.status !== 0) {
    throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  }
  return r.stdout;
}

async function waitHttp(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Starts code-server in its own process group, so stopping it also ends its extension host and the server. */
async function startCodeServer(root, env = {}) {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(`${CODE_SERVER} is missing: run test/install.sh`);
  }
  const port = await freePort();
  const log = fs.openSync(path.join(root, 'code-server.log'), 'w');
  // Started through this node, not its #! line, so a test may hand it a PATH without node (or java).
  const child = cp.spawn(process.execPath, [CODE_SERVER, ...codeServerArgs(root), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`],
    { env: isolatedEnv(root, env), stdio: ['ignore', log, log], detached: true });
  await waitHttp(`http://127.0.0.1:${port}/healthz`, 60000, child);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop: () => stopGroup(child),
  };
}

function stopGroup(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } resolve(); }, 5000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { clearTimeout(timer); resolve(); }
  });
}

function installVsix(root, vsix) {
  run(process.execPath, [CODE_SERVER, ...codeServerArgs(root), '--install-extension', vsix], { env: isolatedEnv(root) });
}

async function launchBrowser(root) {
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(path.join(root, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 760 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

async function waitUntil(what, fn, timeoutMs = 60000, stepMs = 200) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (${last.message})` : ''}`);
}

/** Runs named checks in order; the first failure skips the rest, which depend on it. */
function reporter(prefix) {
  let failed = 0;
  let passed = 0;
  let skipping = false;
  return {
    async check(name, fn) {
      if (skipping) {
        console.log(`FAIL ${prefix}: ${name}: skipped after an earlier failure`);
        failed++;
        return;
      }
      try {
        await fn();
        console.log(`PASS ${prefix}: ${name}`);
        passed++;
      } catch (e) {
        console.log(`FAIL ${prefix}: ${name}: ${String(e && e.message || e).split('\n')[0]}`);
        failed++;
        skipping = true;
      }
    },
    /** A new scenario does not depend on the previous one's checks. */
    scenario() { skipping = false; },
    get failed() { return failed; },
    get passed() { return passed; },
  };
}

module.exports = {
  EXT_DIR, MIGRATION, tempDir, makeWorkspace, startCodeServer, installVsix, launchBrowser, waitUntil, reporter,
};
