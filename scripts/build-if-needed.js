#!/usr/bin/env node
// Compiles TypeScript when dist/ is missing or older than any source file, so
// `npm start` works straight after `npm install` and after every edit.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const marker = path.join(root, 'dist', 'src', 'server', 'main.js');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'migrations')), fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs);
if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < sources) {
  console.log('building…');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
  fs.utimesSync(marker, new Date(), new Date());
}
