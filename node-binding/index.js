// Loader of driftgate's native addon: DRIFTGATE_NODE_ADDON if set, else
// `driftgate.node` next to this file (what `npm run build` puts there), else
// the library cargo built in this workspace (the newer of target/release and
// target/debug), loaded under its own name.
'use strict';
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const lib = { darwin: 'libdriftgate_node.dylib', win32: 'driftgate_node.dll' }[process.platform] || 'libdriftgate_node.so';
const built = ['release', 'debug']
  .map((profile) => join(__dirname, '..', 'target', profile, lib))
  .filter((p) => existsSync(p))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
const candidates = [process.env.DRIFTGATE_NODE_ADDON, join(__dirname, 'driftgate.node'), ...built].filter(Boolean);

const override = process.env.DRIFTGATE_NODE_ADDON;
if (override && !existsSync(override)) throw new Error(`driftgate: DRIFTGATE_NODE_ADDON=${override} does not exist`);
const found = candidates.find((p) => existsSync(p));
if (!found) {
  throw new Error(`driftgate: the native addon is not built: run \`npm run build\` in ${__dirname}`);
}
// process.dlopen loads a library whatever its file name (require() wants `.node`).
const addon = { exports: {} };
process.dlopen(addon, found);
module.exports = addon.exports;
