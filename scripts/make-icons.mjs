// `node scripts/make-icons.mjs`: draws the raster icons from app/icon.svg, the one source
// of the app's icon. Browsers that read the SVG use it as is; /favicon.ico (still asked for
// by browsers and feed readers that ignore <link rel="icon">), the Apple touch icon and the
// manifest's PNGs are made here and committed. Run it after changing the SVG.
import { readFile, writeFile } from "node:fs/promises";
import sharp from "sharp";

const svg = await readFile("app/icon.svg");

/** The SVG drawn as a square PNG of that many pixels. */
const png = (size) => sharp(svg, { density: 1200 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

/**
 * An ICO file whose images are PNGs (every browser since IE 9 reads them): a 6-byte
 * header, a 16-byte entry per image, then the images.
 */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ data }) => data)]);
}

const sizes = [16, 32, 48];
const images = await Promise.all(sizes.map(async (size) => ({ size, data: await png(size) })));
await writeFile("app/favicon.ico", ico(images));
// iOS rounds the corners itself and shows transparent ones black: the touch icon is square.
await writeFile("app/apple-icon.png", await sharp(await png(180)).flatten({ background: "#1f5fd1" }).png().toBuffer());
await writeFile("public/icons/icon-192.png", await png(192));
await writeFile("public/icons/icon-512.png", await png(512));
console.log("Wrote app/favicon.ico, app/apple-icon.png, public/icons/icon-192.png and icon-512.png");
