// What a finished session may leave in the browser: the DOM, local and session storage, the history and Cache
// Storage are read back and searched for the test citizens' personal data (none may be there).

import type { Page } from 'playwright-core';
import type { SyntheticCitizen } from '../../scripts/synthetic-population';
import { personalDataFoundIn } from './personal-data';

export interface BrowserTraces {
  historyLength: number;
  url: string;
  found: string[];
}

export async function browserTraces(page: Page, citizens: readonly SyntheticCitizen[]): Promise<BrowserTraces> {
  const stored = (await page.evaluate(`(async () => {
    const storage = (s) => JSON.stringify(Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)])));
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) cached.push(request.url, await (await cache.match(request)).text());
    }
    return {
      text: [document.documentElement.outerHTML, storage(localStorage), storage(sessionStorage), location.href, JSON.stringify(history.state), ...cached].join('\\n'),
      historyLength: history.length,
      url: location.href,
    };
  })()`)) as { text: string; historyLength: number; url: string };
  return { historyLength: stored.historyLength, url: stored.url, found: personalDataFoundIn(stored.text, citizens) };
}
