/**
 * QR codes as inline SVG, drawn on the server from URLs the app builds. Kept in a small cache: the
 * same activities are printed again and again, and a code costs about a millisecond to draw.
 */
import QRCode from 'qrcode';

const MAX_CACHED = 2000;
const cache = new Map<string, string>();

/** The QR code of a URL as an SVG element without quiet zone (the print stylesheet pads it). */
export async function qrSvg(url: string): Promise<string> {
  const hit = cache.get(url);
  if (hit !== undefined) {
    // Move to the back: the Map's insertion order is the eviction order.
    cache.delete(url);
    cache.set(url, hit);
    return hit;
  }
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(url, svg);
  return svg;
}
