#!/usr/bin/env node
// The installed `kg` command: the compiled CLI lives in dist/ (built by `npm ci` through `prepare`).
import '../dist/cli/main.js';
