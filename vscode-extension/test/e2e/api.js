// API test: code-server loads the extension under development and runs itest/index.js in its extension host.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness');

async function main() {
  const root = h.tempDir('api');
  const ws = h.makeWorkspace(root);
  const results = path.join(root, 'results.txt');
  fs.writeFileSync(results, '');
  let server;
  let browser;
  let exitCode;
  try {
    // The extension host inherits code-server's environment: that is how itest finds the results file.
    server = await h.startCodeServer(root, { MIGLINT_ITEST_RESULTS: results });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(h.EXT_DIR)],
      ['extensionTestsPath', remote(path.join(h.EXT_DIR, 'itest'))],
      ['skipWelcome', 'true'],
    ]);
    browser = await h.launchBrowser(root);
    const page = browser.pages()[0] || await browser.newPage();
    const exited = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    let timer;
    const timeout = new Promise((r) => { timer = setTimeout(() => r('timeout'), 180000); });
    exitCode = await Promise.race([exited, timeout]);
    clearTimeout(timer);
  } catch (e) {
    console.log(`FAIL api: harness: ${e.message}`);
    exitCode = 'harness';
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
  const lines = fs.readFileSync(results, 'utf8').split('\n').filter(Boolean);
  lines.forEach((l) => console.log(l));
  if (exitCode === 'timeout') console.log('FAIL api: the extension tests did not finish within 180 s');
  else if (exitCode !== 'harness' && lines.length === 0) console.log(`FAIL api: no results written (exit code ${exitCode}); see ${root}/code-server.log`);
  const ok = exitCode === 0 && lines.length > 0 && lines.every((l) => l.startsWith('PASS'));
  if (ok) fs.rmSync(root, { recursive: true, force: true });
  else console.log(`api: state kept in ${root}`);
  process.exitCode = ok ? 0 : 1;
}

void main();
