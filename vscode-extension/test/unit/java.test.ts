import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { findJava, javaCandidates, JavaProbe, noJavaMessage, parseJavaVersion } from '../../src/java';

test('parses the major version of old, current and early-access JDKs', () => {
  assert.equal(parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment'), 17);
  assert.equal(parseJavaVersion('java version "1.8.0_292"\nJava(TM) SE Runtime Environment'), 8);
  assert.equal(parseJavaVersion('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaVersion('openjdk version "22-ea" 2024-03-19'), 22);
  assert.equal(parseJavaVersion('Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "11.0.2" 2019-01-15'), 11);
  assert.equal(parseJavaVersion('openjdk 21.0.1 2023-10-17\nOpenJDK Runtime Environment'), 21);
  assert.equal(parseJavaVersion('bash: java: command not found'), undefined);
});

/** A fake machine: which files exist and what each java prints. */
function probe(files: Record<string, string | Error>, settingHome?: string, env: Record<string, string> = {}): JavaProbe {
  return {
    settingHome,
    env,
    platform: 'linux',
    isFile: (f) => f in files,
    versionOutput: async (java) => {
      const out = files[java];
      if (out instanceof Error) throw out;
      return out;
    },
  };
}

const J17 = 'openjdk version "17.0.15" 2025-04-15';
const J21 = 'openjdk version "21.0.2" 2024-01-16';
const J11 = 'openjdk version "11.0.22" 2024-01-16';

test('the setting wins over JAVA_HOME, which wins over PATH', async () => {
  const files = { '/opt/jdk21/bin/java': J21, '/usr/lib/jvm/17/bin/java': J17, '/usr/bin/java': J17 };
  const env = { JAVA_HOME: '/usr/lib/jvm/17', PATH: '/usr/local/bin:/usr/bin' };
  assert.deepEqual((await findJava(probe(files, '/opt/jdk21', env))).java,
    { source: 'miglint.java.home', path: '/opt/jdk21/bin/java', version: 21 });
  assert.deepEqual((await findJava(probe(files, undefined, env))).java,
    { source: 'JAVA_HOME', path: '/usr/lib/jvm/17/bin/java', version: 17 });
  assert.deepEqual((await findJava(probe(files, '', { PATH: env.PATH }))).java,
    { source: 'PATH', path: '/usr/bin/java', version: 17 });
});

test('only the first java on the PATH is a candidate, as in a shell', () => {
  const files = { '/a/java': J11, '/b/java': J17 };
  assert.deepEqual(javaCandidates({ env: { PATH: '/nope:/a:/b' }, platform: 'linux', isFile: (f) => f in files }),
    [{ source: 'PATH', path: '/a/java' }]);
});

test('a setting may name the java binary itself', () => {
  assert.deepEqual(javaCandidates({ settingHome: '/opt/jdk/bin/java', env: {}, platform: 'linux', isFile: () => false }),
    [{ source: 'miglint.java.home', path: '/opt/jdk/bin/java' }]);
});

test('Windows: java.exe, ; as separator and Path spelled its way', () => {
  const files = { 'C:\\jdk\\bin\\java.exe': J17 };
  assert.deepEqual(javaCandidates({ env: { Path: 'C:\\x;C:\\jdk\\bin' }, platform: 'win32', isFile: (f) => f in files }),
    [{ source: 'PATH', path: 'C:\\jdk\\bin\\java.exe' }]);
});

test('a broken or too old candidate is skipped with its reason and the next one is used', async () => {
  const files = { '/jdk11/bin/java': J11, '/broken/bin/java': new Error('EACCES'), '/usr/bin/java': J17 };
  const found = await findJava(probe(files, '/jdk11', { JAVA_HOME: '/broken', PATH: '/usr/bin' }));
  assert.equal(found.java?.path, '/usr/bin/java');
  assert.equal(found.rejected.length, 2);
  assert.match(found.rejected[0], /Java 11 is too old, 17 or newer is needed/);
  assert.match(found.rejected[1], /JAVA_HOME.*does not run: EACCES/);
});

test('no Java at all gives one message saying what to install and where to set it', async () => {
  const none = await findJava(probe({}, undefined, { PATH: '/usr/bin' }));
  assert.equal(none.java, undefined);
  const message = noJavaMessage(none);
  assert.match(message, /Java 17 or newer/);
  assert.match(message, /no miglint.java.home setting, no JAVA_HOME and no java on the PATH/);
  assert.match(message, /miglint\.java\.home/);

  const missing = await findJava(probe({}, '/opt/gone'));
  assert.match(noJavaMessage(missing), /\/opt\/gone\/bin\/java \(from miglint.java.home\): not found/);
});
