// Copies the server jar built by Maven into the extension, where the packaged extension finds it.
const fs = require('fs');
const path = require('path');

const from = path.resolve(__dirname, '..', '..', 'server', 'target', 'miglint.jar');
const to = path.resolve(__dirname, '..', 'server', 'miglint.jar');
if (!fs.existsSync(from)) {
  console.error(`copy-server: ${from} is missing; build it first: (cd .. && mvn -B -q package -DskipTests)`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(to), { recursive: true });
fs.copyFileSync(from, to);
console.log(`copy-server: ${path.relative(process.cwd(), to)} (${fs.statSync(to).size} bytes)`);
