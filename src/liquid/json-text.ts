const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: '\u00a0' };

/** Replaces HTML entities (named ones platformOS escapes, and numeric ones) with characters. */
export function unescapeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+|#39);/g, (whole, name: string) => {
    if (name in ENTITIES) return ENTITIES[name];
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return whole;
  });
}

/**
 * JSON text -> value, as parse_json (filter and tag) does it. Errors say where the JSON
 * broke and quote the start of the text, so the author can find it.
 */
export function parseJsonText(text: string, rawText: boolean): unknown {
  const source = rawText ? text : unescapeHtml(text);
  if (source.trim() === '') return null;
  try {
    return JSON.parse(source);
  } catch (err) {
    const snippet = source.trim().slice(0, 60).replace(/\s+/g, ' ');
    throw new Error(`invalid JSON (${(err as Error).message}) in: ${snippet}${source.length > 60 ? '...' : ''}`);
  }
}
