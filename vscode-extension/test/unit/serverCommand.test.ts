import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import * as path from 'node:path';
import { bundledJar, serverCommand } from '../../src/serverCommand';

test('the server runs the bundled jar with the fast-start JVM flags and the lsp command', () => {
  const jar = bundledJar('/ext/miglint-0.1.0');
  assert.equal(jar, path.join('/ext/miglint-0.1.0', 'server', 'miglint.jar'));
  assert.deepEqual(serverCommand('/usr/bin/java', jar), {
    command: '/usr/bin/java',
    args: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar, 'lsp'],
  });
});

test('extra JVM arguments go before -jar, so the JVM and not the server reads them', () => {
  const { args } = serverCommand('java', 'm.jar', ['-Xmx512m']);
  assert.deepEqual(args, ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx512m', '-jar', 'm.jar', 'lsp']);
});
