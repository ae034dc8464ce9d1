#!/usr/bin/env node
// Runs the CLI from its TypeScript sources: Node 24 strips the types, so there is no build step.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(`upright needs Node 24 or newer (this is ${process.version}). See the README.\n`);
  process.exit(1);
}
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
