import { isHash, type Hash } from './values.js';

/**
 * The structural diff platformOS's hash_diff returns (the Ruby hashdiff gem's algorithm and
 * output): a list of ['-', path, old], ['+', path, new] and ['~', path, old, new] entries.
 * Hash keys are compared deleted first, then common, then added, each group sorted by key;
 * arrays are matched with a longest-common-subsequence pass where two elements count as the
 * same when they are at least `similarity` alike.
 */
export interface DiffOptions {
  similarity: number;
  strict: boolean;
  indifferent: boolean;
  strip: boolean;
  caseInsensitive: boolean;
  numericTolerance: number;
  delimiter: string;
  ignoreKeys: string[];
  arrayPath: boolean;
  useLcs: boolean;
}

export const DEFAULT_DIFF_OPTIONS: DiffOptions = {
  similarity: 0.8,
  strict: true,
  indifferent: false,
  strip: false,
  caseInsensitive: false,
  numericTolerance: 0,
  delimiter: '.',
  ignoreKeys: [],
  arrayPath: false,
  useLcs: true,
};

type Path = string | (string | number)[];
export type Change = [string, Path, ...unknown[]];

export function hashDiff(a: unknown, b: unknown, opts: DiffOptions): Change[] {
  return diff(a, b, opts, opts.arrayPath ? [] : '');
}

function diff(a: unknown, b: unknown, opts: DiffOptions, prefix: Path): Change[] {
  if (isNil(a) && isNil(b)) return [];
  if (isNil(a) || isNil(b) || !comparable(a, b, opts.strict)) return [['~', prefix, a ?? null, b ?? null]];
  if (Array.isArray(a) && Array.isArray(b)) {
    return opts.useLcs ? diffArraysLcs(a, b, opts, prefix) : diffArraysLinear(a, b, opts, prefix);
  }
  if (isHash(a) && isHash(b)) return diffHashes(a, b, opts, prefix);
  return compareValues(a, b, opts) ? [] : [['~', prefix, a, b]];
}

function isNil(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** Ruby class of a JSON value, as the gem's strict comparison sees it. */
function kind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (isHash(v)) return 'hash';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'float';
  return typeof v;
}

function comparable(a: unknown, b: unknown, strict: boolean): boolean {
  const ka = kind(a);
  const kb = kind(b);
  if (!strict && typeof a === 'number' && typeof b === 'number') return true;
  return ka === kb;
}

function compareValues(a: unknown, b: unknown, opts: DiffOptions): boolean {
  if (typeof a === 'number' && typeof b === 'number' && opts.numericTolerance > 0) {
    return Math.abs(a - b) <= opts.numericTolerance;
  }
  let x = a;
  let y = b;
  if (opts.strip) {
    if (typeof x === 'string') x = x.trim();
    if (typeof y === 'string') y = y.trim();
  }
  if (opts.caseInsensitive) {
    if (typeof x === 'string') x = x.toLowerCase();
    if (typeof y === 'string') y = y.toLowerCase();
  }
  return x === y;
}

function appendKey(prefix: Path, key: string, opts: DiffOptions): Path {
  if (Array.isArray(prefix)) return [...prefix, key];
  return prefix === '' ? key : `${prefix}${opts.delimiter}${key}`;
}

function appendIndex(prefix: Path, index: number | string): Path {
  return Array.isArray(prefix) ? [...prefix, index] : `${prefix}[${index}]`;
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function diffHashes(a: Hash, b: Hash, opts: DiffOptions, prefix: Path): Change[] {
  const ignored = new Set(opts.ignoreKeys);
  const keysA = Object.keys(a).filter((k) => !ignored.has(k));
  const keysB = Object.keys(b).filter((k) => !ignored.has(k));
  const inB = new Set(keysB);
  const inA = new Set(keysA);
  const out: Change[] = [];
  for (const k of keysA.filter((k) => !inB.has(k)).sort(byKey)) out.push(['-', appendKey(prefix, k, opts), a[k]]);
  for (const k of keysA.filter((k) => inB.has(k)).sort(byKey)) out.push(...diff(a[k], b[k], opts, appendKey(prefix, k, opts)));
  for (const k of keysB.filter((k) => !inA.has(k)).sort(byKey)) out.push(['+', appendKey(prefix, k, opts), b[k]]);
  return out;
}

function diffArraysLinear(a: unknown[], b: unknown[], opts: DiffOptions, prefix: Path): Change[] {
  const out: Change[] = [];
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) out.push(...diff(a[i], b[i], opts, appendIndex(prefix, i)));
  for (let i = a.length - 1; i >= common; i--) out.push(['-', appendIndex(prefix, i), a[i]]);
  for (let i = common; i < b.length; i++) out.push(['+', appendIndex(prefix, i), b[i]]);
  return out;
}

function diffArraysLcs(a: unknown[], b: unknown[], opts: DiffOptions, prefix: Path): Change[] {
  const out: Change[] = [];
  if (a.length === 0 && b.length === 0) return out;
  const links = a.length && b.length ? lcs(a, b, opts, prefix) : [];
  for (const [x, y] of links) out.push(...diff(a[x], b[y], opts, appendIndex(prefix, x)));
  if (a.length === 0) {
    b.forEach((v, i) => out.push(['+', appendIndex(prefix, i), v]));
    return out;
  }
  if (b.length === 0) {
    for (let i = a.length - 1; i >= 0; i--) out.push(['-', appendIndex(prefix, i), a[i]]);
    return out;
  }
  let lastX = -1;
  let lastY = -1;
  for (const [x, y] of [...links, [a.length, b.length]]) {
    // Removals are reported from the end, at the index they have in the new array.
    for (let i = x - lastX - 2; i >= 0; i--) out.push(['-', appendIndex(prefix, lastY + i + 1), a[i + lastX + 1]]);
    for (let i = 0; i <= y - lastY - 2; i++) out.push(['+', appendIndex(prefix, lastY + i + 1), b[i + lastY + 1]]);
    lastX = x;
    lastY = y;
  }
  return out;
}

type Cell = [direction: 'topleft' | 'top' | 'left' | 'both', count: number];

function lcs(a: unknown[], b: unknown[], opts: DiffOptions, prefix: Path): [number, number][] {
  const inner = appendIndex(prefix, '*');
  const table: Cell[][] = [];
  for (let bi = 0; bi < b.length; bi++) {
    table[bi] = [];
    for (let ai = 0; ai < a.length; ai++) {
      if (similar(a[ai], b[bi], opts, inner)) {
        const topleft = ai > 0 && bi > 0 ? table[bi - 1][ai - 1][1] : 0;
        table[bi][ai] = ['topleft', topleft + 1];
      } else {
        const top = bi > 0 ? table[bi - 1][ai][1] : 0;
        const left = ai > 0 ? table[bi][ai - 1][1] : 0;
        const dir = top > left ? 'top' : top < left ? 'left' : bi === 0 ? 'top' : ai === 0 ? 'left' : 'both';
        table[bi][ai] = [dir, Math.max(top, left)];
      }
    }
  }
  const links: [number, number][] = [];
  let x = a.length - 1;
  let y = b.length - 1;
  while (x >= 0 && y >= 0 && table[y][x][1] > 0) {
    const dir = table[y][x][0];
    if (dir === 'topleft') links.unshift([x--, y--]);
    else if (dir === 'top') y--;
    else x--;
  }
  return links;
}

function similar(a: unknown, b: unknown, opts: DiffOptions, prefix: Path): boolean {
  const container = (v: unknown) => Array.isArray(v) || isHash(v);
  if (!container(a) && !container(b)) return compareValues(a, b, opts);
  const total = countNodes(a) + countNodes(b);
  if (total === 0) return true;
  const changed = diff(a, b, opts, prefix).reduce((sum, c) => sum + countNodes(c[2]) + countNodes(c[3]), 0);
  return 1 - changed / total >= opts.similarity;
}

function countNodes(v: unknown): number {
  if (v === null || v === undefined || v === false) return 0;
  if (Array.isArray(v)) return v.reduce((n: number, e) => n + countNodes(e), 0);
  if (isHash(v)) return Object.values(v).reduce((n: number, e) => n + countNodes(e), 0);
  return 1;
}
