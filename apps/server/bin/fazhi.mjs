#!/usr/bin/env node
// `npx fazhi <command>`: registers tsx's TypeScript loader (tsx/esm/api `register`), then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
await main();
