// Accessibility: axe-core finds no violations on the empty page and on a
// document in each of the five views, in light and in dark mode. (Only this
// test bypasses the Content-Security-Policy, to inject axe.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setup, openApp, dropFiles, seeds, waitForDocs, selectView, ROOT } from './helpers.mjs';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

async function audit(page, label) {
  await page.addScriptTag({ path: AXE }).catch(() => {});
  const violations = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`),
    }));
  });
  assert.deepEqual(violations, [], `${label}: ${JSON.stringify(violations, null, 2)}`);
}

for (const theme of ['light', 'dark']) {
  test(`no axe violations (${theme} mode): empty state and every view`, async () => {
    const { page, context } = await env.newPage({ bypassCSP: true, colorScheme: theme });
    await openApp(page, env.server.url);
    assert.equal(await page.getAttribute('#theme-toggle', 'aria-pressed'), String(theme === 'dark'));
    await audit(page, `${theme} empty`);

    const [a] = seeds();
    await dropFiles(page, [a]);
    await waitForDocs(page, 1);
    for (const view of ['clean', 'removed', 'convert', 'highlight', 'original']) {
      await selectView(page, view);
      if (view === 'convert') {
        await page.waitForFunction(() => /^s2t/.test(document.getElementById('convert-status').textContent));
        // The user's phrases open, with a line left out (its message showing).
        await page.click('#user-dict-box summary');
        await page.fill('#user-dict', '陕西 秦地\n暗访');
        await page.waitForFunction(() => /自定义词典 1 条/.test(document.getElementById('convert-status').textContent));
      }
      if (view === 'highlight') {
        await page.fill('#keywords', '疫情\n防控\n市委书记');
        await page.waitForFunction(() => document.querySelectorAll('#keyword-list .kw[data-count]:not([data-count=""])').length === 3);
        await page.click('#hl-next');
      }
      if (view === 'original') await page.waitForSelector('#original-text .para');
      await audit(page, `${theme} ${view}`);
    }
    // The theme toggle overrides the system preference.
    await page.click('#theme-toggle');
    assert.equal(await page.getAttribute('#theme-toggle', 'aria-pressed'), String(theme !== 'dark'));
    await selectView(page, 'removed');
    await audit(page, `${theme} toggled, removal view`);
    await context.close();
  });
}
