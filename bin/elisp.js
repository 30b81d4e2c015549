#!/usr/bin/env node
// The `elisp` command: see src/cli/main.ts (built into dist/).
import { main } from '../dist/cli/main.js';

await main();
