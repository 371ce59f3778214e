// Browser test of `entente report`: opens HTML reports from file:// URLs in headless Chromium
// (Debian's package) driven by playwright-core (npm, installed by scripts/setup.sh), with the
// network off, and checks that every chart rendered and that the console shows no error. Saves a
// full-page screenshot per report (the test's artifact) and, with --gallery, one PNG per chart
// named in GALLERY_CHARTS (docs/gallery.md).
//
// usage: node report_in_browser.mjs --node-modules DIR --out DIR [--gallery DIR] REPORT.html...
// exit: 0 pass, 1 fail, 77 Chromium not installed (ctest SKIP_RETURN_CODE).
import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const nodeModules = opt('--node-modules');
const outDir = opt('--out');
const galleryDir = opt('--gallery');
const reports = args;
if (!nodeModules || !outDir || reports.length === 0) {
  console.error('usage: node report_in_browser.mjs --node-modules DIR --out DIR [--gallery DIR] REPORT.html...');
  process.exit(2);
}

const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const chromiumPath = candidates.find((p) => p && fs.existsSync(p));
if (!chromiumPath) {
  console.log('SKIP: Chromium is not installed (scripts/setup.sh installs Debian\'s chromium)');
  process.exit(77);
}
const require = createRequire(path.join(path.resolve(nodeModules), 'noop.js'));
const {chromium} = require('playwright-core');

// Charts whose pictures docs/gallery.md shows: chart element id -> file name.
const GALLERY_CHARTS = {
  'stance-timing': 'stances.png',
  'trajectory-timing': 'trajectory.png',
  'models-timing': 'models.png',
  'perception-timing': 'perception.png',
  'blocking-timing': 'blocking.png',
  'histogram-timing': 'histogram.png',
  'thresholds-timing': 'thresholds.png',
  'tornado-timing': 'tornado.png',
};

fs.mkdirSync(outDir, {recursive: true});
const failures = [];
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  for (const report of reports) {
    const name = path.basename(report, '.html');
    const fail = (msg) => failures.push(`${report}: ${msg}`);
    const context = await browser.newContext({offline: true, viewport: {width: 1100, height: 900}});
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    // Any request that is not the file itself means the page is not self-contained.
    const requests = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) {
        return route.continue();
      }
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(path.resolve(report)).href);
    try {
      await page.waitForSelector('body[data-charts-done]', {timeout: 120000});
    } catch (e) {
      fail('charts did not finish drawing within 120 s');
    }
    const charts = await page.$$eval('div.chart', (els) => els.map((el) => {
      const svg = el.querySelector('svg');
      const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
      let marks = 0;
      if (svg) {
        for (const g of svg.querySelectorAll('g.role-mark')) marks += g.childElementCount;
      }
      return {id: el.id, rendered: el.getAttribute('data-rendered'), width: box.width,
              height: box.height, marks};
    }));
    if (charts.length === 0) fail('no charts in the page');
    for (const c of charts) {
      if (c.rendered !== 'true') fail(`chart ${c.id} not rendered (${c.rendered})`);
      else if (c.width < 50 || c.height < 50) fail(`chart ${c.id} is empty (${c.width}x${c.height})`);
      else if (c.marks === 0) fail(`chart ${c.id} draws no marks`);
    }
    for (const e of errors) fail(`console error: ${e}`);
    for (const r of requests) fail(`network request: ${r}`);
    await page.screenshot({path: path.join(outDir, `${name}.png`), fullPage: true});
    // Printing: the stylesheet hides the navigation and the charts' menus and controls.
    await page.emulateMedia({media: 'print'});
    const printHidden = await page.$$eval('nav, .vega-actions, .vega-bindings', (els) =>
      els.every((el) => getComputedStyle(el).display === 'none'));
    if (!printHidden) fail('print stylesheet leaves menus or controls visible');
    await page.emulateMedia({media: 'screen'});
    if (galleryDir) {
      fs.mkdirSync(galleryDir, {recursive: true});
      for (const [id, file] of Object.entries(GALLERY_CHARTS)) {
        const el = await page.$(`figure:has(#${id})`);
        if (el) await el.screenshot({path: path.join(galleryDir, file)});
      }
    }
    console.log(`${report}: ${charts.length} charts rendered, ${errors.length} console errors, ` +
                `${requests.length} network requests; screenshot ${path.join(outDir, name + '.png')}`);
    await context.close();
  }
} finally {
  await browser.close();
}
if (failures.length > 0) {
  for (const f of failures) console.error('FAIL ' + f);
  process.exit(1);
}
console.log('PASS');
