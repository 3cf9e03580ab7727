import yaml from 'js-yaml';
import { PosError } from '../errors.js';

export interface Parsed {
  /** The YAML between the `---` lines, or {} when there is none. */
  data: Record<string, unknown>;
  /** Everything after the closing `---` line. */
  body: string;
  /** How many lines of the file come before the body: add it to a body line to get a file line. */
  bodyOffset: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*(\r?\n|$)/m;

/**
 * Splits a file into YAML front matter and body. Bad YAML throws a PosError naming the
 * file and the line within the file.
 */
export function parseFrontMatter(source: string, file: string): Parsed {
  const open = OPEN.exec(source);
  if (!open) return { data: {}, body: source, bodyOffset: 0 };
  const rest = source.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    throw new PosError('POS_ERR_FRONT_MATTER', `${file}:1 front matter opened with --- is never closed`);
  }
  const yamlText = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length);
  const bodyOffset = countLines(source.slice(0, source.length - body.length));
  let data: unknown;
  try {
    data = yaml.load(yamlText, { filename: file }) ?? {};
  } catch (err) {
    const e = err as { mark?: { line: number }; reason?: string; message: string };
    const line = (e.mark?.line ?? 0) + 2; // +1 for the opening ---, +1 as marks count from 0
    throw new PosError('POS_ERR_FRONT_MATTER', `${file}:${line} ${e.reason ?? e.message}`);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PosError('POS_ERR_FRONT_MATTER', `${file}:2 front matter must be a YAML mapping`);
  }
  return { data: data as Record<string, unknown>, body, bodyOffset };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
