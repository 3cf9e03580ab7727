#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare).
import('../dist/cli/index.js').then((m) => m.main(process.argv.slice(2)));
