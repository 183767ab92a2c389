// Turns node --test's TAP on stdin into `PASS unit: name` / `FAIL unit: name: why` lines.
'use strict';
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
for (let i = 0; i < lines.length; i++) {
  const top = /^(not )?ok \d+ - (.*)$/.exec(lines[i]);
  if (!top) continue;
  if (!top[1]) {
    console.log(`PASS unit: ${top[2]}`);
    continue;
  }
  // The YAML block after a failure holds `error:` either inline or as a `|-` block of deeper lines.
  let why = '';
  for (let j = i + 1; j < lines.length && !/^\s*\.\.\.$/.test(lines[j]); j++) {
    const error = /^ {2}error: (.*)$/.exec(lines[j]);
    if (!error) continue;
    if (!/^[|>]-?$/.test(error[1])) {
      why = error[1].replace(/^'|'$/g, '');
      break;
    }
    const block = [];
    for (let k = j + 1; k < lines.length && /^ {4}|^\s*$/.test(lines[k]); k++) block.push(lines[k].trim());
    why = block.filter(Boolean).join(' ');
    break;
  }
  console.log(`FAIL unit: ${top[2]}${why ? `: ${why}` : ''}`);
}
