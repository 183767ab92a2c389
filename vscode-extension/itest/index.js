// Runs inside VS Code's extension host (extensionTestsPath): the real vscode API against the real server jar.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const RULE = 'require-if-not-exists';

function codeOf(d) {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function miglintDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'miglint');
}

async function waitUntil(what, fn, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

async function open(file, text) {
  if (text !== undefined) fs.writeFileSync(file, text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** clients/attach-cases.tsv: path, yes|no, why; # comments and the header skipped. */
function attachCases() {
  return fs.readFileSync(path.join(__dirname, '..', '..', 'clients', 'attach-cases.tsv'), 'utf8').split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('path\t'))
    .map((l) => {
      const [p, attach] = l.split('\t');
      return { path: p, attach: attach === 'yes' };
    });
}

exports.run = async function run() {
  const out = process.env.MIGLINT_ITEST_RESULTS;
  const log = (line) => (out ? fs.appendFileSync(out, `${line}\n`) : console.log(line));
  let failed = 0;
  let skipping = false;
  async function check(name, fn) {
    if (skipping) {
      log(`FAIL api: ${name}: skipped after an earlier failure`);
      failed++;
      return;
    }
    try {
      await fn();
      log(`PASS api: ${name}`);
    } catch (e) {
      log(`FAIL api: ${name}: ${String(e && e.message || e).split('\n')[0]}`);
      failed++;
      skipping = true;
    }
  }

  const ws = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const file = path.join(ws, 'migrations', '001_init.sql');
  let api;
  let doc;
  let diag;
  let fix;

  await check('opening a .sql file activates the extension and the server runs', async () => {
    doc = await open(file);
    const ext = await waitUntil('the extension', () => vscode.extensions.getExtension('miglint.miglint'));
    api = await ext.activate();
    await waitUntil('server state running', () => api.state() === 'running');
  });

  await check(`diagnostic ${RULE} arrives from the server`, async () => {
    diag = await waitUntil(`a ${RULE} diagnostic`, () => miglintDiagnostics(doc.uri).find((d) => codeOf(d) === RULE));
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diag.message, 'CREATE TABLE users fails when the migration runs again: add IF NOT EXISTS');
    assert.match(String(diag.code.target), /require-if-not-exists/);
  });

  await check('hover explains the rule', async () => {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, diag.range.start);
    const text = hoverText(hovers);
    assert.ok(text.includes(RULE), `hover lacks the rule id: ${text.slice(0, 200)}`);
    assert.ok(text.includes('run again'), `hover lacks the reason: ${text.slice(0, 200)}`);
  });

  await check('the preferred quick fix is Add IF NOT EXISTS', async () => {
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range);
    fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `no preferred action among: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.title, 'Add IF NOT EXISTS');
    assert.ok(fix.edit, 'the fix carries no edit');
  });

  await check('applying the fix and saving writes CREATE TABLE IF NOT EXISTS users to disk', async () => {
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit refused the edit');
    assert.ok(await doc.save(), 'save failed');
    const disk = fs.readFileSync(file, 'utf8');
    assert.ok(disk.includes('CREATE TABLE IF NOT EXISTS users'), `on disk: ${disk}`);
  });

  await check('the diagnostic clears after the fix', async () => {
    await waitUntil(`no ${RULE} diagnostic`, () => !miglintDiagnostics(doc.uri).some((d) => codeOf(d) === RULE));
  });

  await check('command "miglint: Fix all problems in file" fixes every statement', async () => {
    const more = path.join(ws, 'migrations', '002_more.sql');
    const doc2 = await open(more, 'CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE INDEX orders_id ON orders (id);\n');
    await waitUntil('two findings', () => miglintDiagnostics(doc2.uri).filter((d) => codeOf(d) === RULE).length === 2);
    await vscode.commands.executeCommand('miglint.fixAll');
    await waitUntil('the fixed text', () => doc2.getText().includes('CREATE TABLE IF NOT EXISTS orders')
      && doc2.getText().includes('CREATE INDEX IF NOT EXISTS orders_id'));
  });

  await check('changing miglint.rules applies without a restart', async () => {
    const third = path.join(ws, 'migrations', '003_accounts.sql');
    const doc3 = await open(third, 'CREATE TABLE accounts (id bigint PRIMARY KEY);\n');
    const severity = () => miglintDiagnostics(doc3.uri).find((d) => codeOf(d) === RULE)?.severity;
    await waitUntil('the error', () => severity() === vscode.DiagnosticSeverity.Error);
    const config = vscode.workspace.getConfiguration('miglint');
    await config.update('rules', { [RULE]: 'warning' }, vscode.ConfigurationTarget.Workspace);
    await waitUntil('the finding at warning', () => severity() === vscode.DiagnosticSeverity.Warning);
    await config.update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitUntil('no finding', () => severity() === undefined);
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  await check('the client attaches to exactly the yes rows of clients/attach-cases.tsv (VS Code matches the selector)', async () => {
    const base = path.join(ws, 'attach-cases');
    const wrong = [];
    for (const c of attachCases()) {
      const file = path.join(base, ...c.path.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, file.endsWith('.json') ? '{}\n' : '');
      const opened = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      if ((vscode.languages.match(api.documentSelector(), opened) > 0) !== c.attach) {
        wrong.push(`${c.path} (want ${c.attach ? 'yes' : 'no'}, languageId ${opened.languageId})`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  if (failed) throw new Error(`${failed} extension host check(s) failed`);
};
