// Compares squawk's and miglint's JSON reports; called by squawk-agreement.sh.
// usage: node squawk-agreement.js squawk.jsonl miglint.json rules.txt
'use strict';
const fs = require('fs');
const path = require('path');

// squawk rule → the miglint rules that check the same thing (the "peers" column of RULES.md).
const PEERS = {
  'prefer-robust-stmts': ['require-if-not-exists', 'require-if-exists', 'require-guarded-constraint'],
  'ban-drop-column': ['ban-drop-column'],
  'ban-drop-table': ['ban-drop-table'],
  'ban-drop-database': ['ban-drop-schema'],
  'ban-truncate-cascade': ['ban-truncate'],
  'ban-drop-not-null': ['ban-drop-not-null'],
  'renaming-column': ['ban-rename'],
  'renaming-table': ['ban-rename'],
  'changing-column-type': ['ban-column-type-change'],
  'require-concurrent-index-creation': ['require-concurrent-index'],
  'require-concurrent-index-deletion': ['require-concurrent-drop-index'],
  'ban-concurrent-index-creation-in-transaction': ['ban-concurrently-in-transaction'],
  'constraint-missing-not-valid': ['require-not-valid'],
  'adding-foreign-key-constraint': ['require-not-valid'],
  'disallowed-unique-constraint': ['ban-unique-without-index'],
  'adding-not-nullable-field': ['ban-set-not-null'],
  'adding-required-field': ['ban-required-column'],
  'adding-field-with-default': ['ban-volatile-default'],
  'require-timeout-settings': ['require-lock-timeout'],
  'require-lock-timeout': ['require-lock-timeout'],
  'prefer-timestamptz': ['prefer-timestamptz'],
  'prefer-timestamp-tz': ['prefer-timestamptz'],
  'prefer-bigint-over-int': ['prefer-bigint'],
  'prefer-bigint-over-smallint': ['prefer-bigint'],
  'prefer-big-int': ['prefer-bigint'],
  'prefer-identity': ['prefer-identity'],
  'prefer-text-field': ['prefer-text'],
  'identifier-too-long': ['identifier-too-long'],
};

const [squawkFile, miglintFile, rulesFile] = process.argv.slice(2);
const ours = new Set(fs.readFileSync(rulesFile, 'utf8').split('\n').filter(Boolean));

const squawk = [];
for (const line of fs.readFileSync(squawkFile, 'utf8').split('\n')) {
  if (line.trim().startsWith('[')) {
    for (const f of JSON.parse(line)) {
      // squawk's line and column are 0-based, like miglint's JSON.
      squawk.push({ file: path.resolve(f.file), rule: f.rule_name, line: f.line });
    }
  }
}
const miglint = JSON.parse(fs.readFileSync(miglintFile, 'utf8')).findings.map(f => ({
  file: path.resolve(f.file), rule: f.rule, start: f.range.start.line, end: f.range.end.line,
}));

const byFile = new Map();
for (const f of miglint) {
  if (!byFile.has(f.file)) byFile.set(f.file, []);
  byFile.get(f.file).push(f);
}
const squawkByFile = new Map();
for (const f of squawk) {
  if (!squawkByFile.has(f.file)) squawkByFile.set(f.file, []);
  squawkByFile.get(f.file).push(f);
}

// Same file, and squawk's line within the lines of miglint's finding (a statement may span lines).
const agree = (s, m) => s.file === m.file && s.line >= m.start && s.line <= m.end;
const pct = (n, d) => (d === 0 ? '    -' : `${((100 * n) / d).toFixed(0).padStart(4)}%`);

const rows = [];
for (const [rule, peers] of Object.entries(PEERS)) {
  const sq = squawk.filter(f => f.rule === rule);
  const mg = miglint.filter(f => peers.includes(f.rule));
  const sqAlso = sq.filter(s => (byFile.get(s.file) || []).some(m => peers.includes(m.rule) && agree(s, m))).length;
  const mgAlso = mg.filter(m => (squawkByFile.get(m.file) || []).some(s => s.rule === rule && agree(s, m))).length;
  const missing = peers.filter(p => !ours.has(p));
  rows.push([rule, peers.join(', ') + (missing.length === peers.length ? ' (not in miglint yet)' : ''),
    sq.length, sqAlso, pct(sqAlso, sq.length), mg.length, mgAlso, pct(mgAlso, mg.length)]);
}

const header = ['squawk rule', 'miglint rule(s)', 'squawk', 'also miglint', '', 'miglint', 'also squawk', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
const print = r => console.log(r.map((c, i) => (i >= 2 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
  .join('  ').trimEnd());
print(header);
rows.forEach(print);

const unmapped = {};
squawk.filter(f => !(f.rule in PEERS)).forEach(f => { unmapped[f.rule] = (unmapped[f.rule] || 0) + 1; });
console.log('\nsquawk rules with no miglint peer: ' +
  (Object.entries(unmapped).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'));
const mapped = new Set(Object.values(PEERS).flat());
const solo = {};
miglint.filter(f => !mapped.has(f.rule)).forEach(f => { solo[f.rule] = (solo[f.rule] || 0) + 1; });
console.log('miglint findings of rules squawk does not have: ' +
  (Object.entries(solo).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'));
