// Draws the app icons (PWA manifest, home screen) from one SVG: the grid mark on the brand colour.
// Run once when the mark changes: node client/scripts/make-icons.mjs (uses sharp, a server dependency).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const OUT = fileURLToPath(new URL('../public/icons/', import.meta.url));
const BRAND = '#1f3a5f';

/** `inset`: share of the side kept clear around the mark (maskable icons need a safe zone). */
function svg(inset, rounded) {
  const s = 512;
  const a = s * inset;
  const b = s - a;
  const t1 = a + (b - a) / 3;
  const t2 = a + ((b - a) * 2) / 3;
  const stroke = (b - a) / 14;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}">
  <rect width="${s}" height="${s}" rx="${rounded ? s * 0.18 : 0}" fill="${BRAND}"/>
  <path d="M${a} ${a}H${b}V${b}H${a}Z M${t1} ${a}V${b} M${t2} ${a}V${b} M${a} ${t1}H${b} M${a} ${t2}H${b}"
    fill="none" stroke="#fff" stroke-width="${stroke}" stroke-linejoin="round"/>
</svg>`;
}

mkdirSync(OUT, { recursive: true });
const icons = [
  ['icon-192.png', 192, svg(0.2, true)],
  ['icon-512.png', 512, svg(0.2, true)],
  ['icon-maskable-512.png', 512, svg(0.28, false)],
  ['apple-touch-icon.png', 180, svg(0.2, false)],
];
for (const [name, size, source] of icons) {
  await sharp(Buffer.from(source)).resize(size, size).png().toFile(`${OUT}${name}`);
  console.log(`wrote ${name}`);
}
