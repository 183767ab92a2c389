// Copies the file patterns FilePatterns.java publishes into src/, where tsc and esbuild bundle them.
const fs = require('fs');
const path = require('path');

const from = path.resolve(__dirname, '..', '..', 'clients', 'file-patterns.json');
const to = path.resolve(__dirname, '..', 'src', 'file-patterns.json');
if (!fs.existsSync(from)) {
  console.error(`copy-patterns: ${from} is missing`);
  process.exit(1);
}
fs.copyFileSync(from, to);
