// After the trunk builds: minifies each bundle's JavaScript glue
// (wasm-bindgen's output, and its snippets) with terser and rewrites the
// `integrity="sha384-…"` that trunk wrote for it into the bundle's
// index.html, which would otherwise make the browser refuse the changed
// file. Trunk's own minifier leaves about a third of the glue's gzip size
// on the table (docs/SIZE.md). Usage: node scripts/minify-glue.mjs DIR…
// (each DIR holds one bundle's index.html and its hashed *.js).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Every .js file in `dir` and below (snippets/…), but not sub-bundles. */
function scripts(dir, top = true) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // A folder with its own index.html is another bundle.
      return top && name !== 'snippets' ? [] : scripts(path, false);
    }
    return name.endsWith('.js') ? [path] : [];
  });
}

for (const dir of process.argv.slice(2)) {
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  let before = 0, after = 0;
  for (const file of scripts(dir)) {
    const code = readFileSync(file, 'utf8');
    const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
    if (!out.code) throw new Error(`${file}: terser returned nothing`);
    const old = sri(code);
    if (html.includes(old)) html = html.split(old).join(sri(out.code));
    writeFileSync(file, out.code);
    before += code.length;
    after += out.code.length;
  }
  // Every integrity in the page must match its file now.
  for (const tag of html.match(/<(?:link|script)\b[^>]*\bintegrity="[^"]+"[^>]*>/g) ?? []) {
    const ref = tag.match(/\b(?:href|src)="([^"]+)"/)?.[1];
    const want = tag.match(/\bintegrity="([^"]+)"/)[1];
    const file = ref && join(dir, ref.split('/').pop());
    if (!file || sri(readFileSync(file)) !== want) throw new Error(`${page}: integrity of ${ref} does not match the file`);
  }
  writeFileSync(page, html);
  console.log(`minify-glue ${dir}: JS ${before} → ${after} bytes`);
}
