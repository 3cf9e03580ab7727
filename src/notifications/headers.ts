import { RenderFailure } from './render.js';

/**
 * request_headers as rendered -> an object. The text must be a JSON object. Raw line breaks
 * and tabs inside strings are accepted (platformOS's parser accepts them, and base64_encode
 * puts line feeds into the seed's Authorization value); anything else that is not JSON
 * fails with the position, never with the text itself (it may hold credentials).
 */
export function parseHeaderJson(text: string, label: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const json = escapeControlsInStrings(text);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new RenderFailure(`${label}: request_headers must render to a JSON object: invalid JSON${where(json, err)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new RenderFailure(`${label}: request_headers must render to a JSON object, got ${kind}`);
  }
  return value as Record<string, unknown>;
}

/**
 * Header values as strings, line feeds removed. SPEC 5: a value with line feeds (base64_encode
 * adds one every 60 characters and at the end) is sent without them and `warn` names the
 * header, so the seed's code works and its author learns why. Values are never printed.
 */
export function cleanHeaders(raw: Record<string, unknown>, who: string, warn: (message: string) => void): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    let text = headerText(value);
    if (/[\r\n]/.test(text)) {
      text = text.replace(/[\r\n]/g, '');
      warn(
        `${who}: header ${name} contained line feeds; they were removed before sending ` +
          '(base64_encode adds one every 60 characters and at the end: add | strip_newlines after it)',
      );
    }
    out[name] = text;
  }
  return out;
}

function headerText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Escapes raw CR, LF and TAB inside JSON string literals, leaving everything else alone. */
function escapeControlsInStrings(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      else if (ch === '\n') {
        out += '\\n';
        continue;
      } else if (ch === '\r') {
        out += '\\r';
        continue;
      } else if (ch === '\t') {
        out += '\\t';
        continue;
      }
    } else if (ch === '"') inString = true;
    out += ch;
  }
  return out;
}

/** " at line L, column C" from V8's "... at position N" (the message itself may quote the text). */
function where(text: string, err: unknown): string {
  const m = /position (\d+)/.exec((err as Error).message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}
