// The npm registry these machines reach does not carry every platform build of some packages
// (e.g. Biome's macOS and Windows binaries at the version we use), so `npm install` here leaves
// those optional entries out of package-lock.json and `npm ci` then refuses the lock as out of sync.
// This adds the missing optional, platform-specific entries (version from the parent, os/cpu/libc
// from the package name), which npm ci skips on every other platform and fetches on their own.
// Run after `npm install` changes the lock: `node scripts/complete-lockfile.ts`.
import { readFileSync, writeFileSync } from 'node:fs';

interface Entry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const PLATFORM =
  /-(android|darwin|linux|win32|freebsd)-(arm64|x64|arm|ia32|riscv64|s390x|ppc64)(?:-(gnu|musl|msvc|gnueabihf))?$/;

function platformOf(name: string): { os: string[]; cpu: string[]; libc?: string[] } | null {
  const match = PLATFORM.exec(name);
  if (!match) return null;
  const [, os, cpu, abi] = match as unknown as [string, string, string, string | undefined];
  const libc = os === 'linux' ? (abi === 'musl' ? ['musl'] : ['glibc']) : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Entry> };
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    lock.packages[key] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
    console.log(`added ${key}@${version} (for ${path || 'the project'})`);
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync('package-lock.json', `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(added ? `${added} platform entries added.` : 'Nothing missing.');
