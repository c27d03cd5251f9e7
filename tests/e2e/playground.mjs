// End-to-end test of the browser playground (wasm/playground/) in Debian's
// headless Chromium (/usr/bin/chromium), driven by playwright-core.
//
//   npm ci --prefix tests/e2e && node tests/e2e/playground.mjs
//
// Needs wasm/pkg/web/ (scripts/build-wasm.sh). Starts wasm/playground/serve.mjs
// on a free port, types a DROP COLUMN with real keyboard events, waits for the
// inline mark, checks the rule id, the marked span, the hover message and a
// re-lint on a dialect switch, and saves target/playground.png. Exits 1 with
// a message on the first failure (and saves target/playground-failure.png).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT = join(root, 'target', 'playground.png');
const FAILURE_SHOT = join(root, 'target', 'playground-failure.png');
const SQL = 'ALTER TABLE users DROP COLUMN email;';
const STATEMENT = 'ALTER TABLE users DROP COLUMN email'; // the statement's span: no `;`
const MESSAGE = 'dropping column users.email deletes its data';
const TIMEOUT_MS = 15_000;

const t0 = Date.now();
const log = (msg) => console.log(`playground e2e: ${msg}`);

class Failure extends Error {}
function check(cond, msg) {
  if (!cond) throw new Failure(msg);
}

let server;
let context;
let profile;
let page;

// ---- the static server ------------------------------------------------------

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'wasm', 'playground', 'serve.mjs'), '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Failure(`serve.mjs printed no URL within 10 s (stderr: ${err.trim()})`)), 10_000);
    child.stdout.on('data', (b) => {
      out += b;
      const m = out.match(/http:\/\/\S+/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0] });
      }
    });
    child.stderr.on('data', (b) => { err += b; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Failure(`serve.mjs exited with ${code} before printing its URL: ${err.trim()}`));
    });
  });
}

// ---- the test ------------------------------------------------------------------

async function lintCount() {
  return Number(await page.locator('#status').getAttribute('data-lint-count'));
}

// Waits until a lint newer than `after` has finished and no keystroke is pending.
async function waitForLint(after, what) {
  try {
    await page.waitForFunction(
      (n) => {
        const s = document.getElementById('status');
        return s.dataset.state === 'ready' && Number(s.dataset.lintCount) > n;
      },
      after,
      { timeout: TIMEOUT_MS },
    );
  } catch {
    const status = await page.locator('#status').evaluate((s) => `${s.dataset.state}: ${s.textContent}`);
    throw new Failure(`${what}: no lint finished within ${TIMEOUT_MS / 1000} s (status ${status})`);
  }
}

async function hoverMark(mark) {
  // The marks lie under the textarea (which takes the pointer events), so
  // Playwright's element hover would refuse; move the real mouse there.
  const box = await mark.boundingBox();
  check(box && box.width > 0 && box.height > 0, `the mark has no box on screen (${JSON.stringify(box)})`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  const tooltip = page.locator('#tooltip');
  try {
    await tooltip.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  } catch {
    throw new Failure('hovering the mark showed no tooltip');
  }
  return tooltip;
}

async function run() {
  check(existsSync(CHROMIUM), `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`);
  check(
    existsSync(join(root, 'wasm', 'pkg', 'web', 'driftgate_wasm.js')),
    'wasm/pkg/web/driftgate_wasm.js not found: build the wasm package first (scripts/build-wasm.sh)',
  );
  mkdirSync(join(root, 'target'), { recursive: true });

  const started = await startServer();
  server = started.child;
  log(`serving ${started.url}`);

  profile = mkdtempSync(join(tmpdir(), 'driftgate-e2e-chromium-'));
  // A persistent context on a fresh, empty profile directory: Playwright
  // passes it as --user-data-dir (it refuses that flag in `args`).
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1000, height: 720 },
    timeout: 30_000,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT_MS);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console error: ${m.text()}`); });
  page.on('requestfailed', (r) => pageErrors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));

  const response = await page.goto(started.url);
  check(response && response.ok(), `GET ${started.url}: ${response && response.status()}`);
  try {
    await page.waitForFunction(() => document.getElementById('status').dataset.state !== 'loading', null, { timeout: TIMEOUT_MS });
  } catch {
    throw new Failure(`the wasm package did not load within ${TIMEOUT_MS / 1000} s`);
  }
  const state = await page.locator('#status').getAttribute('data-state');
  check(state === 'ready', `the page did not become ready: ${await page.locator('#status').textContent()} ${pageErrors.join('; ')}`);
  log('wasm package loaded');

  // Postgres, an empty editor, then real keystrokes.
  await page.selectOption('#dialect', 'postgres');
  const editor = page.locator('#sql');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  check((await editor.inputValue()) === '', 'could not clear the editor');
  const before = await lintCount();
  await page.keyboard.type(SQL, { delay: 15 });
  check((await editor.inputValue()) === SQL, `the editor holds ${JSON.stringify(await editor.inputValue())}, not what was typed`);
  await waitForLint(before, 'after typing');

  // The inline mark: an element wrapping the diagnostic's span.
  const mark = page.locator('#backdrop mark[data-rules~="drop-column"]');
  try {
    await mark.first().waitFor({ state: 'attached', timeout: TIMEOUT_MS });
  } catch {
    throw new Failure(`no inline mark for drop-column appeared (status: ${await page.locator('#status').textContent()})`);
  }
  const marks = await mark.evaluateAll((els) => els.map((e) => ({
    text: e.textContent, start: Number(e.dataset.start), end: Number(e.dataset.end),
    underline: getComputedStyle(e).textDecorationStyle,
  })));
  const marked = marks.map((m) => m.text).join('');
  check(marked === STATEMENT, `the marked text is ${JSON.stringify(marked)}, expected the statement span ${JSON.stringify(STATEMENT)}`);
  check(marks[0].start === 0 && marks.at(-1).end === STATEMENT.length,
    `the mark spans UTF-16 ${marks[0].start}..${marks.at(-1).end}, expected 0..${STATEMENT.length}`);
  check(marks.every((m) => m.underline === 'wavy'), `the mark is not underlined wavy (${marks.map((m) => m.underline)})`);
  log(`inline mark on ${JSON.stringify(marked)}`);

  // The rule id, severity and message in the list below the editor.
  const item = page.locator('#diagnostics li[data-rule="drop-column"]');
  check((await item.count()) === 1, `expected one drop-column item in the diagnostics list, found ${await item.count()}`);
  const itemText = await item.innerText();
  check(itemText.includes('drop-column'), `the list item does not show the rule id: ${itemText}`);
  check(/error/i.test(itemText), `the list item does not show the severity: ${itemText}`);
  check(itemText.includes(MESSAGE), `the list item does not show the message: ${itemText}`);
  check(await page.getByText('drop-column', { exact: true }).first().isVisible(), 'the rule id drop-column is not visible in the page');
  log('rule id, severity and message listed');

  // Hover: message, help and rule id in the tooltip.
  let tooltip = await hoverMark(mark.first());
  const tip = await tooltip.innerText();
  check(tip.includes(MESSAGE), `the tooltip does not show the message: ${JSON.stringify(tip)}`);
  check(tip.includes('drop-column'), `the tooltip does not show the rule id: ${JSON.stringify(tip)}`);
  check(tip.includes('Contract in two releases'), `the tooltip does not show the help: ${JSON.stringify(tip)}`);
  log('hover shows the message');

  // Dialect switch: a new lint, for the other dialect, with the mark back.
  for (const dialect of ['mysql', 'postgres']) {
    const n = await lintCount();
    await page.selectOption('#dialect', dialect);
    await waitForLint(n, `after switching to ${dialect}`);
    const linted = await page.locator('#status').getAttribute('data-dialect');
    check(linted === dialect, `after switching to ${dialect} the page linted as ${linted}`);
    check((await mark.count()) >= 1, `no drop-column mark after switching to ${dialect}`);
    check((await item.count()) === 1, `no drop-column item after switching to ${dialect}`);
    log(`re-linted as ${dialect} (lint #${await lintCount()})`);
  }

  tooltip = await hoverMark(mark.first());
  await page.screenshot({ path: SCREENSHOT });
  log(`screenshot ${SCREENSHOT.slice(root.length + 1)}`);

  check(pageErrors.length === 0, `the page reported errors:\n  ${pageErrors.join('\n  ')}`);
}

let failed = false;
try {
  await run();
} catch (e) {
  failed = true;
  console.error(`playground e2e: FAIL: ${e instanceof Failure ? e.message : e.stack || e}`);
  if (page) {
    try {
      await page.screenshot({ path: FAILURE_SHOT });
      console.error(`playground e2e: page at the failure: ${FAILURE_SHOT.slice(root.length + 1)}`);
    } catch {}
  }
} finally {
  try { await context?.close(); } catch {}
  server?.kill();
  if (profile) rmSync(profile, { recursive: true, force: true });
}
if (failed) process.exit(1);
log(`passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
