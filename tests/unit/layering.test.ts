// Folder = where code may run: shared/ is pure TypeScript, the renderer never reaches into electron/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/register';

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => path.join(dir, f));
}

/** A relative import that stays inside shared/, wherever in shared/ it starts. */
const insideShared = (file: string, spec: string): boolean =>
  path.resolve(ROOT, path.dirname(file), spec).startsWith(path.join(ROOT, 'shared') + path.sep);

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

describe('layering', () => {
  it('keeps shared/ free of Node, Electron, the DOM and the other layers', () => {
    const offenders = sources('shared').flatMap((file) =>
      imports(file)
        .filter((spec) => !(spec === 'zod' || (spec.startsWith('.') && insideShared(file, spec))))
        .map((spec) => `${file} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
    const domUse = sources('shared').filter((f) => /\b(window|document|localStorage|sessionStorage)\.|\bprocess\.\w/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(domUse).toEqual([]);
  });

  it('keeps the renderer away from electron/ and Node', () => {
    const offenders = sources('renderer').flatMap((file) =>
      imports(file)
        .filter((spec) => spec.includes('electron') || spec.startsWith('node:') || spec === 'better-sqlite3')
        .map((spec) => `${file} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('has this test see real imports (a guard against a scanner that finds nothing)', () => {
    expect(imports('electron/api.ts')).toContain('../shared/contract');
    expect(imports('shared/contract.ts')).toContain('./schemas');
  });
});
