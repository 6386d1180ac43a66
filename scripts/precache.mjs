// After the release build: writes dist/sw.js from pwa/sw.js with the list
// of every file under dist/ (trunk's hashed names, and any later build
// written into a subfolder such as dist/office/) and a build version that
// is a hash of all their contents, so any change installs a new worker.
// Usage: node scripts/precache.mjs [dist]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (relative(dist, path) !== 'sw.js') files.push(path);
  }
})(dist);

const hash = createHash('sha256');
for (const f of files) hash.update(relative(dist, f)).update(readFileSync(f));
const version = hash.digest('hex').slice(0, 16);
// The staff bundle (dist/staff/) is precached with the app: an
// interviewer goes between the two offline (next household: end page →
// staff/#/visit/… → #/fill/…). The office bundle (dist/office/, about
// 1 MB gzip) is not precached: a
// respondent's phone should not download it, and the worker caches it at
// run time on the first visit to the office instead (pwa/sw.js). It still
// counts in the version, so a new office build installs a new worker.
const assets = ['./', ...files
  .map((f) => relative(dist, f).split(sep).join('/'))
  .filter((f) => !f.startsWith('office/'))
  .map((f) => `./${f}`)];
const template = readFileSync(new URL('../pwa/sw.js', import.meta.url), 'utf8');
const sw = template
  .replace('__CANVASS_VERSION__', version)
  .replace('__CANVASS_ASSETS__', JSON.stringify(assets, null, 2));
writeFileSync(join(dist, 'sw.js'), sw);
console.log(`sw.js: version ${version}, ${assets.length} files precached`);
