import type QRCode from 'qrcode';
import { lazyModule } from './lazy.js';

const loadQr = lazyModule<typeof QRCode>('qrcode');

export interface QrSvgOptions {
  /** Module colour, hex without '#'. @default '000' */
  color: string;
  /** Pixels per module. @default 11 */
  moduleSize: number;
  /** @default 'crispEdges' */
  shapeRendering: string;
  /** viewBox instead of width/height, so CSS can scale it. @default false */
  viewbox: boolean;
  /** A whole <svg> document; false gives only the <path> to embed in another svg. @default true */
  standalone: boolean;
  /** Extra attributes of the <svg> element. */
  svgAttributes: Record<string, string>;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The text as a QR code in SVG, as Ruby's RQRCode draws it: error correction level H, no
 * quiet zone, every dark module a filled square (drawn as one path).
 */
export function qrCodeSvg(text: string, o: QrSvgOptions): string {
  const { modules } = loadQr().create(text, { errorCorrectionLevel: 'H' });
  const n = modules.size;
  const s = o.moduleSize;
  let d = '';
  for (let row = 0; row < n; row++) {
    // One rectangle per run of dark modules in the row keeps the path short.
    for (let col = 0; col < n; col++) {
      if (!modules.get(row, col)) continue;
      let end = col;
      while (end + 1 < n && modules.get(row, end + 1)) end++;
      const w = (end - col + 1) * s;
      d += `M${col * s} ${row * s}h${w}v${s}h-${w}z`;
      col = end;
    }
  }
  const path = `<path d="${d}" fill="#${escapeAttr(o.color)}"/>`;
  if (!o.standalone) return path;
  const size = n * s;
  const dims: Record<string, string> = o.viewbox ? { viewBox: `0 0 ${size} ${size}` } : { width: String(size), height: String(size) };
  const attrs: Record<string, string> = {
    version: '1.1',
    xmlns: 'http://www.w3.org/2000/svg',
    ...dims,
    'shape-rendering': o.shapeRendering,
    ...o.svgAttributes,
  };
  return `<svg${Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}>${path}</svg>`;
}
