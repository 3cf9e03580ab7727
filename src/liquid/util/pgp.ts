/**
 * Whether text is an ASCII-armored OpenPGP key (public or private key block): armor lines,
 * base64 body, the CRC-24 checksum when present, and a first packet that is a key packet
 * of version 3, 4, 5 or 6. Structure only: no signature is verified.
 */
export function isPgpKey(text: string): boolean {
  const m = /-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----\r?\n([\s\S]*?)-----END PGP \1 KEY BLOCK-----/.exec(text.trim());
  if (!m) return false;
  const lines = m[2].split(/\r?\n/).map((l) => l.trim());
  // Armor headers (Version: ..., Comment: ...) end at the first blank line.
  const blank = lines.findIndex((l) => l === '');
  const body = (lines.slice(0, blank).every((l) => /^[\w-]+: /.test(l)) ? lines.slice(blank + 1) : lines).filter((l) => l !== '');
  let checksum: string | undefined;
  if (body.length && /^=[A-Za-z0-9+/]{4}$/.test(body[body.length - 1])) checksum = body.pop()!.slice(1);
  const data = body.join('');
  if (data === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return false;
  const bytes = Buffer.from(data, 'base64');
  if (checksum !== undefined && Buffer.from(checksum, 'base64').readUIntBE(0, 3) !== crc24(bytes)) return false;
  return isKeyPacket(bytes, m[1] === 'PUBLIC' ? 6 : 5);
}

function isKeyPacket(bytes: Buffer, wantedTag: number): boolean {
  if (bytes.length < 2 || (bytes[0] & 0x80) === 0) return false;
  const newFormat = (bytes[0] & 0x40) !== 0;
  const tag = newFormat ? bytes[0] & 0x3f : (bytes[0] >> 2) & 0x0f;
  if (tag !== wantedTag) return false;
  let offset: number;
  if (newFormat) offset = bytes[1] < 192 ? 2 : bytes[1] < 224 ? 3 : 6;
  else offset = 1 + [1, 2, 4, 0][bytes[0] & 0x03];
  return offset < bytes.length && [3, 4, 5, 6].includes(bytes[offset]);
}

/** OpenPGP's CRC-24 (RFC 4880 6.1). */
function crc24(bytes: Buffer): number {
  let crc = 0xb704ce;
  for (const b of bytes) {
    crc ^= b << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}
