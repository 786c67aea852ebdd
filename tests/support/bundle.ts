// Bundles a TypeScript entry for plain `node`: a bundle starts in a fraction of the time tsx
// needs, and a child process measured for time or memory carries no compiler of its own.
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from './register';

/** Builds `entry` (relative to the project) into node_modules/.cache/tb-register/NAME.cjs and returns that path. */
export function bundleForNode(entry: string, name: string): string {
  // Inside the project, so the bundle finds better-sqlite3 in node_modules.
  const outfile = path.join(ROOT, 'node_modules', '.cache', 'tb-register', `${name}.cjs`);
  buildSync({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
