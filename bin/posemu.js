#!/usr/bin/env node
// Thin launcher. `npm install` (prepare) compiles the CLI into one bundle, dist/posemu.js:
// loading one file instead of a hundred modules is most of a fast start.
import('../dist/posemu.js').then((m) => m.main(process.argv.slice(2)));
