// axe-core run on the page under test, its source added through the test's context (which bypasses the page's
// CSP: the app's own CSP stays strict). Only what axe calls serious or critical is returned.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

let source: Promise<string> | null = null;

export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(`typeof window.axe === 'object'`))) await page.addScriptTag({ content: await source });
  return page.evaluate(`axe.run({ exclude: [['[data-dev]']] }, { resultTypes: ['violations'] }).then((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`);
}
