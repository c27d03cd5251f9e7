// Validate a SARIF log (stdin) against the official SARIF 2.1.0 JSON schema
// (sarif-2.1.0-rtm.5.json, shipped in @microsoft/jest-sarif). Exit 1 with
// the schema errors when it does not validate.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const log = JSON.parse(readFileSync(0, 'utf8'));
// The official schema has a language-tag pattern that is invalid under the
// `u` flag; compile patterns without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (!validate(log)) {
  console.error(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
const results = log.runs.reduce((n, r) => n + r.results.length, 0);
console.log(`valid SARIF 2.1.0 (${schema.id || schema.$id}): ${results} result(s)`);
