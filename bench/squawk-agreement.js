// Compares squawk's and miglint's JSON reports; called by squawk-agreement.sh.
// usage: node squawk-agreement.js squawk.jsonl miglint.json rules.txt inspect.json [--list]
//
// miglint.json comes from a run with the opt-in rules enabled (check --enable …), so every peer
// rule is compared. A squawk finding is shared when miglint reports a peer rule in the same file on
// squawk's line, or anywhere in the statement that starts on that line (miglint points at the
// clause, squawk at the statement). Each squawk finding miglint does not share gets the first
// reason below that applies, computed from miglint's `inspect --format json` and the file's text;
// what none explains is "unexplained" (listed with --list).
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

// Why miglint may deliberately stay quiet where squawk reports (docs/squawk-differences.md).
const REASONS = {
  'new-table': 'table (or index, column) created earlier in the same file',
  'rebuilt': 'index dropped by a file that creates its table and the index again later (pg_dump --clean)',
  'do-block': 'inside a DO block whose EXCEPTION handler guards it',
  'runs-again': 'statement that runs again without error as it is',
  'narrower-scope': 'outside the stated scope of the miglint rule',
  'down': 'down migration',
  'emptied': 'table emptied earlier in the same file (DELETE without WHERE, TRUNCATE)',
  'judged-safe': 'statement miglint judges safe for a stated reason',
  'squawk-syntax-error': 'file squawk cannot parse',
};
const REASON_ORDER = Object.keys(REASONS);

const args = process.argv.slice(2);
const list = args.includes('--list') || args.includes('--list-all');
const listAll = args.includes('--list-all');
const deliberateList = [];
const [squawkFile, miglintFile, rulesFile, inspectFile] = args.filter(a => !a.startsWith('--'));
const ours = new Set(fs.readFileSync(rulesFile, 'utf8').split('\n').filter(Boolean));

const squawk = [];
for (const line of fs.readFileSync(squawkFile, 'utf8').split('\n')) {
  if (line.trim().startsWith('[')) {
    for (const f of JSON.parse(line)) {
      // squawk's line and column are 0-based, like miglint's JSON.
      squawk.push({ file: path.resolve(f.file), rule: f.rule_name, line: f.line, lineEnd: f.line_end ?? f.line });
    }
  }
}
const miglint = JSON.parse(fs.readFileSync(miglintFile, 'utf8')).findings.map(f => ({
  file: path.resolve(f.file), rule: f.rule, start: f.range.start.line, end: f.range.end.line,
}));

const group = (items, key) => {
  const map = new Map();
  for (const x of items) {
    if (!map.has(key(x))) map.set(key(x), []);
    map.get(key(x)).push(x);
  }
  return map;
};
const byFile = group(miglint, f => f.file);
const squawkByFile = group(squawk, f => f.file);

// ---------------------------------------------------------------- miglint's view of each file

// Top-level statements and the statements inside DO blocks, in text order, with their DO block.
const statements = new Map();
for (const f of JSON.parse(fs.readFileSync(inspectFile, 'utf8')).files) {
  const flat = [];
  const walk = (s, doBlock) => {
    flat.push({ kind: s.kind, facts: s.facts || {}, start: s.range.start.line, end: s.range.end.line, doBlock });
    (s.inner || []).forEach(i => walk(i, s.kind === 'DoBlock' ? s : doBlock));
  };
  f.statements.forEach(s => walk(s, null));
  statements.set(path.resolve(f.file), flat);
}
const texts = new Map();
const lines = file => {
  if (!texts.has(file)) texts.set(file, fs.readFileSync(file, 'utf8').split('\n'));
  return texts.get(file);
};

/**
 * The statements (top-level and inside DO blocks) that overlap squawk's finding, those starting on
 * its first line first. A multi-line ALTER TABLE is several changes, each from its own clause.
 */
const at = (file, s) => {
  const all = (statements.get(file) || []).filter(t => t.start <= s.lineEnd && s.line <= t.end);
  return [...all.filter(t => t.start === s.line), ...all.filter(t => t.start !== s.line)];
};
const sourceOf = (file, s) => lines(file).slice(s.start, s.end + 1).join('\n');

/** Unquoted, lower-case, without schema: how the corpus's names are compared here. */
const norm = name => (name == null ? null : String(name).split('.').pop().replace(/"/g, '').toLowerCase());

/** Tables created (or renamed into being) by statements that start before `line`. */
const createdBefore = (file, line) => {
  const made = new Set();
  for (const s of statements.get(file) || []) {
    if (s.start >= line) break;
    if (s.kind === 'CreateTable') made.add(norm(s.facts.name));
    if (s.kind === 'RenameTable' && made.has(norm(s.facts.table))) made.add(norm(s.facts.to));
  }
  return made;
};
const columnAddedBefore = (file, line, table, column) => (statements.get(file) || []).some(s => s.start < line
  && s.kind === 'AddColumn' && norm(s.facts.table) === norm(table) && norm(s.facts.column.name) === norm(column));
const indexesBefore = (file, line) => (statements.get(file) || [])
  .filter(s => s.start < line && s.kind === 'CreateIndex');

// DownMigration.java: down files, and statements after a down marker with no up marker between.
const DOWN_FILE = name => /\.down\.sql$/i.test(name) || name.toLowerCase() === 'down.sql'
  || /^U\d[\w.]*__.*\.sql$/.test(name);
const MARKER = /--\s*(?:migrate:(up|down)|\+(?:goose|migrate)\s+(up|down))\b/i;
const inDown = (file, line) => {
  if (DOWN_FILE(path.basename(file))) return true;
  let down = false;
  lines(file).slice(0, line).forEach(l => {
    const m = MARKER.exec(l);
    if (m) down = (m[1] || m[2]).toLowerCase() === 'down';
  });
  return down;
};

const syntaxErrorFiles = new Set(squawk.filter(f => f.rule === 'syntax-error').map(f => f.file));

// ColumnFacts.java: defaults that make ADD COLUMN fill each row one by one.
const VOLATILE = /\b(random|gen_random_uuid|uuid_generate_v[14]|uuid_generate_v1mc|nextval|clock_timestamp|timeofday|txid_current|uuidv[47]|gen_random_bytes)\s*\(/i;
const LOCKING = new Set(['require-concurrent-index-creation', 'require-concurrent-index-deletion',
  'constraint-missing-not-valid', 'adding-foreign-key-constraint', 'disallowed-unique-constraint',
  'adding-not-nullable-field', 'adding-required-field', 'adding-field-with-default', 'require-lock-timeout',
  'require-timeout-settings']);
const DESTRUCTIVE = new Set(['ban-drop-column', 'ban-drop-table', 'ban-drop-database', 'ban-truncate-cascade',
  'ban-drop-not-null', 'renaming-column', 'renaming-table', 'changing-column-type']);

// RequireIfExists.java: a re-run creates the object again before dropping it.
const CREATES = new Set(['CreateTable', 'CreateIndex', 'CreateType', 'CreateObject']);
function createdEarlier(file, line, st) {
  const before = (statements.get(file) || []).filter(c => c.start < line);
  const f = st.facts;
  if (st.kind === 'Drop') {
    return f.names.length > 0 && f.names.every(n => before.some(c => CREATES.has(c.kind) && norm(c.facts.name) === norm(n)));
  }
  if (st.kind === 'DropColumn') {
    return columnAddedBefore(file, line, f.table, f.column) || before.some(c => c.kind === 'CreateTable'
      && norm(c.facts.name) === norm(f.table) && c.facts.columns.some(col => norm(col.name) === norm(f.column)));
  }
  if (st.kind === 'DropConstraint' && f.name) {
    return before.some(c => (c.kind === 'AddConstraint' && norm(c.facts.name) === norm(f.name))
      || (c.kind === 'CreateTable' && norm(c.facts.name) === norm(f.table)
        && new RegExp(`constraint\\s+"?${norm(f.name).replace(/[^\w]/g, '.')}"?\\s`, 'i').test(sourceOf(file, c))));
  }
  return false;
}

// RequireConcurrentDropIndex.rebuiltFromScratch: dropped, then its table and the index created again later.
function rebuilt(file, line, names) {
  const all = statements.get(file) || [];
  return names.length > 0 && names.every(n => {
    const create = all.find(c => c.start > line && c.kind === 'CreateIndex' && norm(c.facts.name) === norm(n));
    return create != null && all.some(c => c.start > line && c.start < create.start && c.kind === 'CreateTable'
      && norm(c.facts.name) === norm(create.facts.table));
  });
}

// BanRequiredColumn.emptiedBefore: a table emptied earlier in the file has no rows to fail on.
const emptied = (file, line, table) => (statements.get(file) || []).some(c => c.start < line
  && ((c.kind === 'Delete' && !c.facts.hasWhere && norm(c.facts.table) === norm(table))
    || (c.kind === 'Truncate' && c.facts.tables.some(t => norm(t) === norm(table)))));

/**
 * BanColumnTypeChange.noRewrite, for varchar: to text, or to a varchar at least as long. The
 * column's current type is its last definition in the files of the same folder that sort earlier.
 */
function widening(file, alter) {
  const to = /^(?:varchar|character varying)\s*(?:\(\s*(\d+)\s*\))?$|^text$/i.exec(alter.type.trim());
  if (!to) return false;
  let from = null;
  const folder = path.dirname(file);
  for (const [f, sts] of [...statements].filter(([f]) => path.dirname(f) === folder && f <= file).sort()) {
    for (const c of sts) {
      if (f === file && c.start >= alter.line) break;
      if (c.kind === 'CreateTable' && norm(c.facts.name) === norm(alter.table)) {
        const col = c.facts.columns.find(x => norm(x.name) === norm(alter.column));
        if (col) from = col.type;
      }
    }
  }
  const was = from && /^(?:varchar|character varying)\s*\(\s*(\d+)\s*\)$/i.exec(from.trim());
  return was != null && (to[1] === undefined || Number(to[1]) >= Number(was[1]));
}

/** Statements a second run leaves as they are, so they need no guard. */
const runsAgain = st => (st.kind === 'AlterColumn' && /^(SET|DROP) (DEFAULT|NOT NULL)$|^SET STATISTICS$/.test(st.facts.action))
  || st.kind === 'AlterColumnType' || st.kind === 'ValidateConstraint'
  || (st.kind === 'AlterTable' && /^(ENABLE|DISABLE|FORCE|NO FORCE) ROW LEVEL SECURITY$/.test(st.facts.action));

// RequireLockTimeout.java's scope: locks that block writes on a table (see its help text).
function takesWriteBlockingLock(st) {
  const f = st.facts;
  switch (st.kind) {
    case 'CreateIndex': return !f.concurrently;
    case 'Drop': return ['TABLE', 'INDEX', 'TRIGGER', 'POLICY', 'RULE'].includes(f.objectKind) && !f.concurrently;
    case 'CreateObject': return ['TRIGGER', 'POLICY', 'RULE'].includes(f.objectKind);
    case 'CreateTable': case 'CreateType': case 'Comment': case 'AlterType': case 'AlterObject': case 'Insert':
    case 'Update': case 'Delete': case 'Select': case 'SetConfig': case 'Privilege': case 'DoBlock': case 'Transaction':
      return false;
    default: return true; // ALTER TABLE in all its forms, TRUNCATE, LOCK, REINDEX, REFRESH, …
  }
}

// PreferBigint.java looks at primary key columns and serial columns only.
function keyOrSerial(file, line, here) {
  const text = lines(file)[line];
  if (/serial|primary\s+key/i.test(text)) return true;
  const column = norm((/^\s*("[^"]+"|\w+)/.exec(text) || [])[1]);
  const table = here.find(st => st.kind === 'CreateTable' || st.kind === 'AddColumn');
  if (!column || !table) return false;
  const name = norm(table.facts.name || table.facts.table);
  const pk = new RegExp(`primary\\s+key\\s*\\(([^)]*)\\)`, 'ig');
  // a table-level PRIMARY KEY (…) in the CREATE TABLE, or one added later by ALTER TABLE in the file
  const sources = [sourceOf(file, table), ...(statements.get(file) || [])
    .filter(c => c.kind === 'AddConstraint' && c.facts.constraintKind === 'PRIMARY_KEY' && norm(c.facts.table) === name)
    .map(c => sourceOf(file, c))];
  return sources.some(src => [...src.matchAll(pk)].some(m => m[1].split(',').map(norm).map(c => c.trim()).includes(column)));
}

/** The reason miglint deliberately does not report squawk's finding, or null. */
function reason(s) {
  const here = at(s.file, s);
  const made = createdBefore(s.file, s.line);
  const newTable = t => t != null && made.has(norm(t));
  // (a) what the same file created: nobody uses it yet.
  if (LOCKING.has(s.rule) || DESTRUCTIVE.has(s.rule)) {
    for (const st of here) {
      const f = st.facts;
      if (newTable(f.table) && st.kind !== 'CreateTable') return 'new-table';
      if (st.kind === 'Drop' && f.objectKind === 'INDEX' && f.names.every(n => indexesBefore(s.file, s.line)
        .some(c => norm(c.facts.name) === norm(n) && newTable(c.facts.table)))) return 'new-table';
      if (st.kind === 'Drop' && f.objectKind === 'TABLE' && f.names.every(newTable)) return 'new-table';
      if (st.kind === 'CreateObject' && newTable(f.on)) return 'new-table';
      if ((st.kind === 'RenameColumn' && columnAddedBefore(s.file, s.line, f.table, f.from))
        || (st.kind === 'DropColumn' && columnAddedBefore(s.file, s.line, f.table, f.column))) return 'new-table';
    }
  }
  if (s.rule === 'prefer-robust-stmts' && here.some(st => createdEarlier(s.file, s.line, st))) return 'new-table';
  if (s.rule === 'require-concurrent-index-deletion'
    && here.some(st => st.kind === 'Drop' && st.facts.objectKind === 'INDEX' && rebuilt(s.file, s.line, st.facts.names))) {
    return 'rebuilt';
  }
  if (s.rule === 'adding-required-field' && here.some(st => st.kind === 'AddColumn' && emptied(s.file, s.line, st.facts.table))) {
    return 'emptied';
  }
  // (b) miglint reads DO blocks: a statement guarded by its block's handler runs again safely.
  if (s.rule === 'prefer-robust-stmts' && here.some(st => st.doBlock && st.doBlock.facts.handlers.length > 0)) {
    return 'do-block';
  }
  // (c) undoing the up migration is what a down migration is for.
  if (DESTRUCTIVE.has(s.rule) && inDown(s.file, s.line)) return 'down';
  // (e) safe for a stated reason.
  for (const st of here) {
    const f = st.facts;
    const sql = sourceOf(s.file, st);
    // A non-volatile default is a catalog entry on PostgreSQL 11+. (A stored generated column does
    // rewrite the table: left unexplained, miglint misses it.)
    if (s.rule === 'adding-field-with-default' && st.kind === 'AddColumn' && !VOLATILE.test(sql)
      && !/\b(big|small)?serial\b|\bidentity\b|\bgenerated\s+always\s+as\s*\(/i.test(f.column.type + ' ' + sql)) {
      return 'judged-safe';
    }
    if ((s.rule === 'constraint-missing-not-valid' || s.rule === 'adding-foreign-key-constraint')
      && st.kind === 'AddConstraint' && (f.notValid || f.usingIndex
        || (f.constraintKind !== 'FOREIGN_KEY' && f.constraintKind !== 'CHECK'))) return 'judged-safe';
    if (s.rule === 'disallowed-unique-constraint' && st.kind === 'AddConstraint' && f.usingIndex) return 'judged-safe';
    if (s.rule === 'changing-column-type' && st.kind === 'AlterColumnType' && widening(s.file, { ...f, line: st.start })) return 'judged-safe';
    if (s.rule === 'prefer-text-field' && st.kind === 'AlterColumnType') return 'narrower-scope';
  }
  if (s.rule === 'prefer-robust-stmts' && here.some(runsAgain)) return 'runs-again';
  if ((s.rule === 'require-lock-timeout' || s.rule === 'require-timeout-settings') && here.length > 0
    && here.every(st => !takesWriteBlockingLock(st))) return 'narrower-scope';
  if (s.rule.startsWith('prefer-bigint') && !keyOrSerial(s.file, s.line, here)) return 'narrower-scope';
  if (syntaxErrorFiles.has(s.file)) return 'squawk-syntax-error';
  return null;
}

// Same file, and the lines of squawk's finding and of miglint's overlap (one statement: miglint
// points at the clause, squawk at the statement, or the other way round).
const agree = (s, m) => s.file === m.file && m.start <= s.lineEnd && s.line <= m.end;
const pct = (n, d) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(0)}%`);

const rows = [];
const unexplained = [];
const reasonTotals = {};
for (const [rule, peers] of Object.entries(PEERS)) {
  const sq = squawk.filter(f => f.rule === rule);
  const mg = miglint.filter(f => peers.includes(f.rule));
  let sqAlso = 0;
  const because = {};
  for (const s of sq) {
    if ((byFile.get(s.file) || []).some(m => peers.includes(m.rule) && agree(s, m))) {
      sqAlso++;
      continue;
    }
    const r = reason(s);
    if (r) {
      deliberateList.push({ rule, s, r });
      because[r] = (because[r] || 0) + 1;
      reasonTotals[r] = (reasonTotals[r] || 0) + 1;
    } else {
      unexplained.push({ rule, s });
    }
  }
  const deliberate = Object.values(because).reduce((a, b) => a + b, 0);
  const mgAlso = mg.filter(m => (squawkByFile.get(m.file) || []).some(s => s.rule === rule && agree(s, m))).length;
  const missing = peers.filter(p => !ours.has(p));
  rows.push([rule, peers.join(', ') + (missing.length === peers.length ? ' (not in miglint yet)' : ''),
    sq.length, sqAlso, deliberate, sq.length - sqAlso - deliberate, pct(sqAlso, sq.length),
    pct(sqAlso + deliberate, sq.length), mg.length, mgAlso, pct(mgAlso, mg.length),
    REASON_ORDER.filter(r => because[r]).map(r => `${r} ${because[r]}`).join(', ')]);
}

const header = ['squawk rule', 'miglint rule(s)', 'squawk', 'also miglint', 'deliberate', 'unexplained', 'shared',
  'shared+deliberate', 'miglint', 'also squawk', 'shared', 'deliberate by reason'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
const print = r => console.log(r.map((c, i) => (i >= 2 && i < 11 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
  .join('  ').trimEnd());
print(header);
rows.forEach(print);
const total = rows.reduce((a, r) => [a[0] + r[2], a[1] + r[3], a[2] + r[4]], [0, 0, 0]);
console.log(`\nall overlapping rules: squawk ${total[0]}, also miglint ${total[1]} (${pct(total[1], total[0])}), `
  + `deliberate ${total[2]}, shared+deliberate ${pct(total[1] + total[2], total[0])}`);
console.log('deliberate differences by reason: ' + REASON_ORDER.filter(r => reasonTotals[r])
  .map(r => `${r} ${reasonTotals[r]} (${REASONS[r]})`).join('; '));

const unmapped = {};
squawk.filter(f => !(f.rule in PEERS)).forEach(f => { unmapped[f.rule] = (unmapped[f.rule] || 0) + 1; });
console.log('\nsquawk rules with no miglint peer: ' +
  (Object.entries(unmapped).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'));
const mapped = new Set(Object.values(PEERS).flat());
const solo = {};
miglint.filter(f => !mapped.has(f.rule)).forEach(f => { solo[f.rule] = (solo[f.rule] || 0) + 1; });
console.log('miglint findings of rules squawk does not have: ' +
  (Object.entries(solo).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'));

if (listAll) {
  console.log(`\nsquawk findings miglint deliberately does not report (${deliberateList.length}):`);
  for (const { rule, s, r } of deliberateList) {
    const snippet = lines(s.file).slice(s.line, s.lineEnd + 1).join(' ').replace(/\s+/g, ' ').trim().slice(0, 140);
    console.log(`${rule}  ${r}  ${s.file}:${s.line + 1}  ${snippet}`);
  }
}
if (list) {
  console.log(`\nunexplained squawk findings (${unexplained.length}):`);
  for (const { rule, s } of unexplained) {
    const snippet = lines(s.file).slice(s.line, s.lineEnd + 1).join(' ').replace(/\s+/g, ' ').trim().slice(0, 140);
    console.log(`${rule}  ${s.file}:${s.line + 1}  ${snippet}`);
  }
}
