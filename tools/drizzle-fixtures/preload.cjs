// Loaded into drizzle-kit via NODE_OPTIONS="--require <this file>" by
// scripts/gen-drizzle-fixtures.sh to make its output reproducible:
//   DGFX_NOW=<ms>       Date.now() / new Date() return this instant (journal "when").
//   DGFX_SEED=<string>  crypto.randomUUID() (snapshot id/prevId) and Math.random()
//                       (drizzle-kit 0.20's random migration names) become
//                       deterministic functions of the seed.
//   DGFX_LEGACY_ORM=1   resolve `drizzle-orm[/...]` to the `drizzle-orm-legacy`
//                       npm alias, so the old drizzle-kit and the schema it loads
//                       see the drizzle-orm release it was built against.
'use strict';
const Module = require('module');
const crypto = require('crypto');

if (process.env.DGFX_NOW) {
  const fixed = Number(process.env.DGFX_NOW);
  if (!Number.isFinite(fixed)) throw new Error(`bad DGFX_NOW ${process.env.DGFX_NOW}`);
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed);
      else super(...args);
    }
    static now() {
      return fixed;
    }
  }
  globalThis.Date = FixedDate;
}

if (process.env.DGFX_SEED) {
  const seed = process.env.DGFX_SEED;
  let uuidCounter = 0;
  crypto.randomUUID = function randomUUID() {
    const h = crypto.createHash('sha256').update(`${seed}:uuid:${uuidCounter++}`).digest();
    h[6] = (h[6] & 0x0f) | 0x40;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
  };
  // mulberry32
  let state = crypto.createHash('sha256').update(`${seed}:random`).digest().readUInt32LE(0);
  Math.random = function random() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (process.env.DGFX_LEGACY_ORM) {
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (request === 'drizzle-orm' || request.startsWith('drizzle-orm/')) {
      request = 'drizzle-orm-legacy' + request.slice('drizzle-orm'.length);
    }
    return resolve.call(this, request, ...rest);
  };
  // drizzle-kit 0.20 also does `await import("drizzle-orm/version")`, which goes
  // through the ESM resolver: redirect it there too.
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/')) {
      specifier = 'drizzle-orm-legacy' + specifier.slice('drizzle-orm'.length);
    }
    return next(specifier, context);
  }`;
  Module.register('data:text/javascript,' + encodeURIComponent(hook), require('url').pathToFileURL(__filename));
}
