// UI test: the packaged .vsix installed into code-server, driven through the workbench like a user would.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness');

const VSIX = path.join(h.EXT_DIR, 'miglint.vsix');
// The README's image is replaced only on request, so a test run leaves the checkout clean.
const SCREENSHOT = process.env.MIGLINT_UPDATE_SCREENSHOT === '1'
  ? path.join(h.EXT_DIR, 'images', 'screenshot.png')
  : path.join(h.EXT_DIR, 'out', 'screenshot.png');

/** The editor's visible text; Monaco renders spaces as no-break spaces. */
async function editorText(page) {
  return (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

async function main() {
  const t = h.reporter('ui');
  const root = h.tempDir('ui');
  const ws = h.makeWorkspace(root);
  const file = path.join(ws, 'migrations', '001_init.sql');
  let server;
  let browser;
  let page;
  try {
    await t.check('the packaged miglint.vsix installs into code-server', async () => {
      if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: npm run package`);
      h.installVsix(root, VSIX);
    });
    let openedAt = 0;
    await t.check('the workbench opens the project and the migration', async () => {
      server = await h.startCodeServer(root);
      browser = await h.launchBrowser(root);
      page = browser.pages()[0] || await browser.newPage();
      await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`);
      await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 60000 });
      await page.locator('.monaco-workbench').click({ position: { x: 640, y: 300 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ timeout: 20000 });
      await page.keyboard.type('001_init.sql');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20000 });
      await page.keyboard.press('Enter');
      await h.waitUntil('the migration in the editor', async () => (await editorText(page)).includes('CREATE TABLE users'));
      openedAt = Date.now();
    });
    await t.check('the statement gets an error squiggle', async () => {
      await page.locator('.squiggly-error').first().waitFor({ timeout: 60000 });
      // Measured, not asserted: activation, Java start-up, warm-up and the first analysis.
      console.log(`measure: file shown → squiggle ${Date.now() - openedAt} ms (extension activated by this file)`);
    });
    await t.check('the status bar shows the server running', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'miglint' });
      await h.waitUntil('a running miglint item', async () => (await item.innerHTML()).includes('codicon-check'));
    });
    await t.check('hovering the squiggle shows the rule and why it matters', async () => {
      const box = await page.locator('.squiggly-error').first().boundingBox();
      await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:visible', { hasText: 'require-if-not-exists' });
      await hover.first().waitFor({ timeout: 30000 });
      const text = await hover.first().innerText();
      if (!text.includes('run again')) throw new Error(`hover lacks the reason: ${text.slice(0, 200)}`);
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    });
    await t.check('Ctrl+. then Enter applies Add IF NOT EXISTS', async () => {
      const box = await page.locator('.squiggly-error').first().boundingBox();
      await page.mouse.click(box.x + box.width / 3, box.y + box.height / 2);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget', { hasText: 'Add IF NOT EXISTS' });
      await menu.first().waitFor({ timeout: 30000 });
      await page.keyboard.press('Enter');
      await h.waitUntil('the fixed text', async () => (await editorText(page)).includes('CREATE TABLE IF NOT EXISTS users'), 30000);
    });
    await t.check('Ctrl+S saves the fix to disk', async () => {
      await page.keyboard.press('Control+S');
      await h.waitUntil('the file on disk', () => fs.readFileSync(file, 'utf8') === 'CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text);\n', 30000);
    });
    await t.check('the squiggle goes away', async () => {
      await page.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 60000 });
    });
  } finally {
    if (page && t.failed) await page.screenshot({ path: path.join(root, 'failure.png') }).catch(() => {});
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
  if (t.failed) console.log(`ui: state kept in ${root} (failure.png, code-server.log)`);
  else fs.rmSync(root, { recursive: true, force: true });
  await withoutJava(t);
  process.exitCode = t.failed ? 1 : 0;
}

/** No miglint.java.home, no JAVA_HOME and a PATH holding no java: one error that says what to do. */
async function withoutJava(t) {
  const failedBefore = t.failed;
  t.scenario();
  const root = h.tempDir('ui-nojava');
  const ws = h.makeWorkspace(root);
  const emptyBin = path.join(root, 'bin');
  fs.mkdirSync(emptyBin);
  let server;
  let browser;
  let page;
  try {
    await t.check('without Java: exactly one error says to install Java 17+, with a button to the setting', async () => {
      h.installVsix(root, VSIX);
      // VSCODE_CLI=1: the server would otherwise take PATH from a login shell, which finds /usr/bin/java.
      server = await h.startCodeServer(root, { PATH: emptyBin, JAVA_HOME: '', VSCODE_CLI: '1' });
      browser = await h.launchBrowser(root);
      page = browser.pages()[0] || await browser.newPage();
      await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`);
      await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 60000 });
      await page.locator('.monaco-workbench').click({ position: { x: 640, y: 300 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ timeout: 20000 });
      await page.keyboard.type('001_init.sql');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20000 });
      await page.keyboard.press('Enter');
      const toast = page.locator('.notification-toast', { hasText: 'miglint needs Java 17 or newer' });
      await toast.first().waitFor({ timeout: 60000 });
      const text = await toast.first().innerText();
      if (!/apt install openjdk-17-jre-headless/.test(text)) throw new Error(`the message does not say what to install: ${text}`);
      // A little later there is still only one: activation and retries must not pile up messages.
      await new Promise((r) => setTimeout(r, 2000));
      const count = await toast.count();
      if (count !== 1) throw new Error(`${count} Java error messages`);
      await toast.first().getByRole('button', { name: 'Open Settings' }).click();
      await page.locator('.settings-editor', { hasText: 'Java' }).first().waitFor({ timeout: 30000 });
    });
    await t.check('without Java: the status bar shows the error', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'miglint' });
      await h.waitUntil('an error miglint item', async () => (await item.innerHTML()).includes('codicon-error'));
    });
  } finally {
    if (page && t.failed > failedBefore) await page.screenshot({ path: path.join(root, 'failure.png') }).catch(() => {});
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
  if (t.failed > failedBefore) console.log(`ui: state kept in ${root} (failure.png, code-server.log)`);
  else fs.rmSync(root, { recursive: true, force: true });
}

void main();
