#!/usr/bin/env bash
# First-load size of the release build in dist/ (after scripts/build.sh):
# wasm, JS glue and CSS, raw and `gzip -9` in KiB, with brotli (q11) for
# information. The budget (≤150 KiB) is on gzip. docs/SIZE.md keeps the history.
set -euo pipefail
cd "$(dirname "$0")/../dist"
node - <<'JS'
const fs = require('fs'), zlib = require('zlib'), { execFileSync } = require('child_process');
const kib = (n) => (n / 1024).toFixed(1);
const rows = [['wasm', /\.wasm$/], ['js', /\.js$/], ['css', /\.css$/]].map(([name, re]) => {
  const files = fs.readdirSync('.').filter((f) => re.test(f));
  const sum = (f) => files.reduce((a, x) => a + f(x), 0);
  return {
    name, files: files.length,
    raw: sum((x) => fs.statSync(x).size),
    gz: sum((x) => execFileSync('gzip', ['-9c', x]).length),
    br: sum((x) => zlib.brotliCompressSync(fs.readFileSync(x), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
});
for (const r of rows) console.log(`${r.name.padEnd(5)} ${String(r.files).padStart(2)} file(s)  raw ${kib(r.raw).padStart(7)}  gzip ${kib(r.gz).padStart(6)}  brotli ${kib(r.br).padStart(6)} KiB`);
const t = (k) => rows.reduce((a, r) => a + r[k], 0);
console.log(`first load (wasm+js+css): gzip ${kib(t('gz'))} KiB (budget 150), brotli ${kib(t('br'))} KiB, raw ${kib(t('raw'))} KiB`);
JS
