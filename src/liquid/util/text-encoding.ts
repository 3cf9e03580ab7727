/**
 * Ruby's string encodings, as far as they mean anything for JavaScript strings (which are
 * always Unicode): known names, which characters a single-byte encoding can hold, and how
 * UTF-8 bytes read in another encoding.
 */

/** Ruby names Node's TextDecoder does not know. */
const ALIASES: Record<string, string> = {
  'ascii-8bit': 'latin1', binary: 'latin1', ascii: 'ascii', 'us-ascii': 'ascii', utf8: 'utf-8',
  'utf-8-mac': 'utf-8', cp1252: 'windows-1252', cp1250: 'windows-1250', cp1251: 'windows-1251',
};

/** The TextDecoder label for a Ruby encoding name, or null if no such encoding. */
export function encodingLabel(name: string): string | null {
  const lower = name.trim().toLowerCase();
  const label = ALIASES[lower] ?? lower;
  try {
    new TextDecoder(label === 'ascii' ? 'latin1' : label);
    return label;
  } catch {
    return null;
  }
}

const charsets = new Map<string, Set<string> | null>();

/**
 * The characters a single-byte encoding holds (null for multi-byte ones, which hold all of
 * Unicode as far as posemu can tell).
 */
function charset(label: string): Set<string> | null {
  if (charsets.has(label)) return charsets.get(label)!;
  let set: Set<string> | null = null;
  if (label === 'ascii') set = new Set(Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)));
  else if (!/^utf-|^(gbk|gb18030|big5|euc-|shift_jis|iso-2022)/.test(label)) {
    const decoded = new TextDecoder(label).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    set = new Set(Array.from(decoded).filter((c) => c !== '\ufffd'));
  }
  charsets.set(label, set);
  return set;
}

/** The first character of `text` the encoding cannot hold, or null when all fit. */
export function firstUnrepresentable(text: string, label: string): string | null {
  const set = charset(label);
  if (!set) return null;
  for (const ch of text) if (!set.has(ch)) return ch;
  return null;
}

/** Ruby's force_encoding: the string's UTF-8 bytes read as the other encoding. */
export function reinterpretUtf8(text: string, label: string): string {
  if (label === 'utf-8') return text;
  return new TextDecoder(label === 'ascii' ? 'latin1' : label).decode(Buffer.from(text, 'utf8'));
}
