// Saves PNG screenshots of the page's main states to docs/screenshots/ (for
// the README): empty, a cleaned document, the removal view, the highlight
// view, the conversion view and dark mode. Needs dist/ (node scripts/assemble.mjs)
// and, for legible Chinese, a CJK font (Debian: fonts-wqy-microhei or fonts-noto-cjk).
//   node tests/browser/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openApp, dropFiles, seeds, waitForDocs, openDoc, selectView, ROOT } from './helpers.mjs';

const out = join(ROOT, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const env = await setup();
try {
  const { page } = await env.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', deviceScaleFactor: 1 });
  const shot = async (name) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };
  await openApp(page, env.server.url);
  await page.waitForSelector('#offline-status[data-state="ready"]', { timeout: 30000 }).catch(() => {});
  await shot('empty');

  await dropFiles(page, seeds());
  await waitForDocs(page, 5);
  await openDoc(page, '000.input.txt');
  await selectView(page, 'clean');
  await shot('cleaned');

  await selectView(page, 'removed');
  await shot('removal-view');

  await selectView(page, 'highlight');
  await page.fill('#keywords', '疫情\n防控\n市委书记\n暗访\n刘南昌');
  await page.waitForFunction(() => /处匹配/.test(document.getElementById('hl-status').textContent));
  await page.click('#hl-next');
  await page.click('#hl-next');
  await page.click('#hl-next');
  await shot('highlight-view');

  await selectView(page, 'convert');
  await page.selectOption('#config-select', 's2twp');
  await page.waitForFunction(() => /^s2twp/.test(document.getElementById('convert-status').textContent));
  await shot('converted');

  await page.click('#theme-toggle');
  await selectView(page, 'removed');
  await shot('dark-mode');
} finally {
  await env.teardown();
}
