import { encode } from 'uqr';

/** A QR code as one SVG path: `size` modules square (quiet zone included), dark modules as unit squares. */
export interface QrDrawing {
  size: number;
  path: string;
}

/**
 * Encodes text as a QR code (error correction M) and draws it as one SVG path, in this browser: no
 * third-party service sees the payload.
 *
 * @example const { size, path } = qrPath('https://console/members/verify?token=…') // <svg :viewBox="`0 0 ${size} ${size}`"><path :d="path"/></svg>
 */
export function qrPath(text: string, quiet = 4): QrDrawing {
  const { size, data } = encode(text, { ecc: 'M', border: 0 });
  const parts: string[] = [];
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + quiet} ${y + quiet}h1v1h-1z`);
    });
  });
  return { size: size + quiet * 2, path: parts.join('') };
}
