import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { documentSelector, FILE_PATTERNS, uncoveredPatterns } from '../../src/filePatterns';

// out/test/unit → the repository root
const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const EXT = path.join(REPO, 'vscode-extension');

/** clients/attach-cases.tsv: path, yes|no, why; # comments and the header skipped. */
function attachCases(): { path: string; attach: boolean; why: string }[] {
  return fs.readFileSync(path.join(REPO, 'clients', 'attach-cases.tsv'), 'utf8').split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('path\t'))
    .map((l) => {
      const [p, attach, why] = l.split('\t');
      return { path: p, attach: attach === 'yes', why };
    });
}

/** What VS Code does for a string pattern: glob-match the path; dot folders and files included. */
function attaches(selector: ReturnType<typeof documentSelector>, file: string): boolean {
  return selector.some((f) => f.scheme === 'file' && minimatch(file, f.pattern, { dot: true }));
}

test('the bundled patterns are clients/file-patterns.json as FilePatterns.java publishes them', () => {
  const published = JSON.parse(fs.readFileSync(path.join(REPO, 'clients', 'file-patterns.json'), 'utf8'));
  assert.deepEqual(FILE_PATTERNS, published.patterns);
});

test('the document selector attaches to exactly the yes rows of clients/attach-cases.tsv', () => {
  const selector = documentSelector();
  const cases = attachCases();
  assert.ok(cases.length >= 30, `only ${cases.length} rows`);
  const wrong = cases.filter((c) => attaches(selector, c.path) !== c.attach)
    .map((c) => `${c.path} (want ${c.attach ? 'yes' : 'no'}: ${c.why})`);
  assert.deepEqual(wrong, []);
});

test('the document selector matches absolute paths, as VS Code gives them, like relative ones', () => {
  const selector = documentSelector();
  const wrong = attachCases().filter((c) => attaches(selector, `/home/me/project/${c.path}`) !== c.attach)
    .map((c) => c.path);
  assert.deepEqual(wrong, []);
});

test('the document selector has one file filter per published glob and no language filter', () => {
  assert.deepEqual(documentSelector().map((f) => f.pattern), FILE_PATTERNS.map((p) => p.glob));
  assert.ok(documentSelector().every((f) => f.scheme === 'file' && !('language' in f)));
});

test('package.json activation events cover every pattern without starting on every Python, TypeScript or JSON file', () => {
  const events: string[] = JSON.parse(fs.readFileSync(path.join(EXT, 'package.json'), 'utf8')).activationEvents;
  assert.deepEqual(uncoveredPatterns(events).map((p) => p.glob), []);
  assert.deepEqual(events.filter((e) => /^onLanguage:(python|typescript|json|jsonc)$/.test(e)), []);
});

test('a pattern with neither its workspaceContains nor its language event is reported uncovered', () => {
  const patterns = [
    { glob: '**/*.sql', kind: 'sql-migration', languageId: 'sql' },
    { glob: '**/models.py', kind: 'model', languageId: 'python' },
  ];
  assert.deepEqual(uncoveredPatterns(['onLanguage:sql', 'onLanguage:python'], patterns).map((p) => p.glob), ['**/models.py']);
  assert.deepEqual(uncoveredPatterns(['workspaceContains:**/models.py'], patterns).map((p) => p.glob), ['**/*.sql']);
});
