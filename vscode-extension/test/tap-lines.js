// Turns node --test's TAP on stdin into `PASS unit: name` / `FAIL unit: name: why` lines.
'use strict';
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
let failing; // name of the test whose YAML block is being read
for (const line of lines) {
  const top = /^(not )?ok \d+ - (.*)$/.exec(line);
  if (top) {
    if (failing) console.log(`FAIL unit: ${failing}`);
    failing = undefined;
    if (top[1]) failing = top[2];
    else console.log(`PASS unit: ${top[2]}`);
    continue;
  }
  const error = failing && /^\s+error: (.*)$/.exec(line);
  if (error) {
    console.log(`FAIL unit: ${failing}: ${error[1].replace(/^[|>]-?$/, '').replace(/^'|'$/g, '') || 'see the TAP output'}`);
    failing = undefined;
  }
}
if (failing) console.log(`FAIL unit: ${failing}`);
