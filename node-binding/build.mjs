// `npm run build [-- --debug]`: build the addon with cargo and copy it next to
// index.js as driftgate.node (the name index.js loads first).
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const profile = process.argv.includes('--debug') ? 'debug' : 'release';
execFileSync('cargo', ['build', '-p', 'driftgate-node', ...(profile === 'release' ? ['--release'] : [])], { cwd: here, stdio: 'inherit' });
const lib = { linux: 'libdriftgate_node.so', darwin: 'libdriftgate_node.dylib', win32: 'driftgate_node.dll' }[process.platform] || 'libdriftgate_node.so';
const target = process.env.CARGO_TARGET_DIR || join(here, '..', 'target');
copyFileSync(join(target, profile, lib), join(here, 'driftgate.node'));
console.log(`driftgate: wrote ${join(here, 'driftgate.node')} (${profile})`);
