/**
 * MD4 (RFC 1320). compute_hmac documents MD4 (its docs' example uses it) but Node's OpenSSL 3
 * only has it in the legacy provider, which is off by default; the algorithm is small enough
 * to carry here. Not for new security uses: it exists to match signatures third parties make.
 */
export function md4(message: Buffer): Buffer {
  const bitLength = message.length * 8;
  const padded = Buffer.alloc((((message.length + 8) >> 6) + 1) * 64);
  message.copy(padded);
  padded[message.length] = 0x80;
  padded.writeUInt32LE(bitLength >>> 0, padded.length - 8);
  padded.writeUInt32LE(Math.floor(bitLength / 2 ** 32), padded.length - 4);

  let a = 0x67452301;
  let b = 0xefcdab89;
  let c = 0x98badcfe;
  let d = 0x10325476;
  const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
  const f = (x: number, y: number, z: number) => (x & y) | (~x & z);
  const g = (x: number, y: number, z: number) => (x & y) | (x & z) | (y & z);
  const h = (x: number, y: number, z: number) => x ^ y ^ z;
  const X = new Array<number>(16);

  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) X[i] = padded.readInt32LE(off + i * 4);
    const [aa, bb, cc, dd] = [a, b, c, d];
    const s1 = [3, 7, 11, 19];
    for (let i = 0; i < 16; i++) {
      const t = rotl((a + f(b, c, d) + X[i]) | 0, s1[i % 4]);
      [a, b, c, d] = [d, t, b, c];
    }
    const s2 = [3, 5, 9, 13];
    for (let i = 0; i < 16; i++) {
      const k = (i % 4) * 4 + (i >> 2);
      const t = rotl((a + g(b, c, d) + X[k] + 0x5a827999) | 0, s2[i % 4]);
      [a, b, c, d] = [d, t, b, c];
    }
    const s3 = [3, 9, 11, 15];
    const order = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];
    for (let i = 0; i < 16; i++) {
      const t = rotl((a + h(b, c, d) + X[order[i]] + 0x6ed9eba1) | 0, s3[i % 4]);
      [a, b, c, d] = [d, t, b, c];
    }
    a = (a + aa) | 0;
    b = (b + bb) | 0;
    c = (c + cc) | 0;
    d = (d + dd) | 0;
  }
  const out = Buffer.alloc(16);
  [a, b, c, d].forEach((v, i) => out.writeInt32LE(v, i * 4));
  return out;
}

/** HMAC (RFC 2104) over MD4, block size 64. */
export function hmacMd4(key: Buffer, message: Buffer): Buffer {
  let k = key.length > 64 ? md4(key) : key;
  k = Buffer.concat([k, Buffer.alloc(64 - k.length)]);
  const inner = Buffer.from(k.map((x) => x ^ 0x36));
  const outer = Buffer.from(k.map((x) => x ^ 0x5c));
  return md4(Buffer.concat([outer, md4(Buffer.concat([inner, message]))]));
}
