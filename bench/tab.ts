/**
 * `npm run bench:tab`: how much JavaScript the tab's first load costs (issue 18; target at most
 * 150 KB gzip). Builds the tab into a temporary folder (as its users get it: `vite build`), then
 * reads the built index.html for what the browser fetches before anything is shown — the entry
 * module and every module it preloads — and sums their gzip sizes (level 9, as a CDN or App
 * Service's compression would serve them at best). Lazy views (one chunk per view) are not in it.
 * Also prints the string catalogue's share: the chunks that hold the i18n messages.
 *
 * Last line: {"bench":"tab","initialJsGzipKB":…,"initialJsKB":…,"files":…,"catalogueGzipKB":…}
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildTab } from '../tests/support/tab-stack.js';

const outDir = mkdtempSync(path.join(tmpdir(), 'belong-bench-tab-'));
try {
  buildTab(outDir);
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(urls)].map((url) => {
    const file = path.join(outDir, url.replace(/^\/tab\//, '').replace(/^\//, ''));
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    return {
      name: path.basename(file),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      // The catalogue: chunks holding the Welsh and English message tables.
      catalogue: text.includes('tab.rota.nav') && text.includes('card.help.title'),
    };
  });
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  for (const f of files.sort((a, b) => b.gzip - a.gzip))
    console.log(`${f.name.padEnd(40)} ${kb(f.raw)} KB, ${kb(f.gzip)} KB gzip`);
  const sum = (pick: (f: (typeof files)[number]) => number, only = files) =>
    only.reduce((n, f) => n + pick(f), 0);
  console.log(
    JSON.stringify({
      bench: 'tab',
      initialJsGzipKB: kb(sum((f) => f.gzip)),
      initialJsKB: kb(sum((f) => f.raw)),
      files: files.length,
      catalogueGzipKB: kb(
        sum(
          (f) => f.gzip,
          files.filter((f) => f.catalogue),
        ),
      ),
    }),
  );
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
