import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths';

/**
 * The Node the README names (20.19) runs every package npm installs, so `npm install` on it prints
 * no EBADENGINE warning beyond the five the README explains: Electron's tools declare Node 22.12
 * because they load ES modules with require(), which Node 20 does from 20.19 too.
 */

const SUPPORTED = '20.19.0';

/** Electron's own tools: their engines name 22.12 only (README, 安装与运行 / Set up and run). */
const ELECTRON_TOOLS = new Set([
  'electron',
  '@electron/get',
  '@electron-internal/extract-zip',
  '@electron/rebuild',
  'node-abi',
]);

type Version = number[];
const parse = (s: string): Version => s.split('.').map(Number);
const compare = (a: Version, b: Version): number => {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/** Whether a version meets a package's engines range (the forms npm packages use: || alternatives of comparators, ^, ~, x-ranges, a - b). */
function satisfies(version: string, range: string): boolean {
  const ver = parse(version);
  return range.split('||').some((alternative) => {
    const parts = alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    if (parts.length === 3 && parts[1] === '-')
      return compare(ver, parse(parts[0]!)) >= 0 && compare(ver, parse(parts[2]!)) <= 0;
    return parts.every((part) => {
      const m = /^(>=|<=|>|<|\^|~|=)?v?([\dxX*]+(?:\.[\dxX*]+)*)/.exec(part);
      if (!m) return part === '*';
      const op = m[1] ?? '';
      const pieces = m[2]!.split('.');
      const wild = pieces.findIndex((p) => /[xX*]/.test(p));
      const bound = (wild < 0 ? pieces : pieces.slice(0, wild)).map(Number);
      switch (op) {
        case '>=':
          return compare(ver, bound) >= 0;
        case '>':
          return compare(ver, bound) > 0;
        case '<=':
          return compare(ver, bound) <= 0;
        case '<':
          return compare(ver, bound) < 0;
        case '^': {
          const [major = 0, minor = 0, patch = 0] = bound;
          const upper = major > 0 ? [major + 1] : minor > 0 ? [0, minor + 1] : [0, 0, patch + 1];
          return compare(ver, bound) >= 0 && compare(ver, upper) < 0;
        }
        case '~': {
          const upper = bound.length >= 2 ? [bound[0]!, bound[1]! + 1] : [bound[0]! + 1];
          return compare(ver, bound) >= 0 && compare(ver, upper) < 0;
        }
        default:
          return bound.every((n, i) => ver[i] === n);
      }
    });
  });
}

describe('the Node versions npm install is asked for', () => {
  it('reads engines ranges as npm does', () => {
    expect(satisfies('20.19.0', '>=20.19')).toBe(true);
    expect(satisfies('20.19.0', '>= 22.12.0')).toBe(false);
    expect(satisfies('20.19.0', '^18 || >=20')).toBe(true);
    expect(satisfies('20.19.0', '^22 || ^24 || >=26')).toBe(false);
    expect(satisfies('20.19.0', '^20.19.0 || ^22.12.0 || >=23')).toBe(true);
    expect(satisfies('20.19.0', '^20.20.0')).toBe(false);
    expect(satisfies('20.19.0', '14 - 22')).toBe(true);
    expect(satisfies('20.19.0', '20.x')).toBe(true);
    expect(satisfies('20.19.0', '~20.18.0')).toBe(false);
  });

  it('are met by Node 20.19 for every package installed, but Electron’s tools', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=20.19');
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => {
        const node = Array.isArray(p.engines) ? undefined : p.engines?.node;
        return node !== undefined && !satisfies(SUPPORTED, node);
      })
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(refusing.filter((name) => !ELECTRON_TOOLS.has(name))).toEqual([]);
    // and the README's list is not longer than it needs to be
    expect(new Set(refusing)).toEqual(ELECTRON_TOOLS);
  });
});
