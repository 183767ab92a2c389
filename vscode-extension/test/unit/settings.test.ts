import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { needsRestart, toMiglintConfig } from '../../src/settings';

/** What VS Code returns for the section when nothing is set: the declared defaults. */
const DEFAULTS = {
  rules: {}, runner: 'auto', postgresVersion: null, acceptTransactional: null,
  include: [], exclude: [], java: { home: null }, trace: { server: 'off' },
};

test('defaults map to an empty config, so .miglint.json is not overridden', () => {
  assert.deepEqual(toMiglintConfig(DEFAULTS), { config: {}, problems: [] });
  assert.deepEqual(toMiglintConfig(undefined), { config: {}, problems: [] });
});

test('set values map to the .miglint.json shape and editor-only keys are left out', () => {
  const mapped = toMiglintConfig({
    ...DEFAULTS,
    rules: { 'ban-drop-column': 'warning', 'prefer-timestamptz': 'Error' },
    runner: 'flyway',
    postgresVersion: 16,
    acceptTransactional: false,
    include: ['db/migrations/**'],
    exclude: ['db/structure.sql'],
    alembicVersion: 'abc123',
  });
  assert.deepEqual(mapped, {
    config: {
      rules: { 'ban-drop-column': 'warning', 'prefer-timestamptz': 'error' },
      runner: 'flyway',
      postgresVersion: 16,
      acceptTransactional: false,
      include: ['db/migrations/**'],
      exclude: ['db/structure.sql'],
      alembicVersion: 'abc123',
    },
    problems: [],
  });
});

test('invalid values are dropped with a reason instead of reaching the server', () => {
  const mapped = toMiglintConfig({
    rules: { 'ban-drop-column': 'loud', 'ban-truncate': 'off' },
    runner: 'flywy',
    postgresVersion: 'sixteen',
    include: 'db/**',
    exclude: ['ok/**', 3, ''],
  });
  assert.deepEqual(mapped.config, { rules: { 'ban-truncate': 'off' }, exclude: ['ok/**'] });
  assert.equal(mapped.problems.length, 5);
  assert.match(mapped.problems.join('\n'), /"ban-drop-column" has level "loud"/);
  assert.match(mapped.problems.join('\n'), /runner "flywy" is unknown/);
});

test('a postgresVersion typed as text is read as a number', () => {
  assert.deepEqual(toMiglintConfig({ postgresVersion: '13.4' }).config, { postgresVersion: 13.4 });
});

test('only the Java home needs a new server process', () => {
  assert.equal(needsRestart((s) => s === 'miglint.java.home'), true);
  assert.equal(needsRestart((s) => s === 'miglint.rules'), false);
});
