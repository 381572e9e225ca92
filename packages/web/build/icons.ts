import { deflateSync } from "node:zlib";
import type { Plugin } from "vite";

/**
 * The app icon, drawn in code so no binary lives in the repository: a speech bubble with three dots on the brand
 * colour. The same geometry is written as SVG (favicon, manifest "any") and rasterised to PNG for platforms that
 * still want bitmaps (Android install, iOS home screen).
 */

type Rgba = [number, number, number, number];

interface IconShape {
  /** Rounded background corner radius as a share of the size; 0 = full bleed (maskable). */
  corner: number;
  /** Scale of the bubble around the centre; maskable icons keep content inside the 80 % safe zone. */
  scale: number;
}

const bubble = { cx: 0.5, cy: 0.47, r: 0.27 };
const tail: [number, number][] = [
  [0.3, 0.6],
  [0.43, 0.72],
  [0.24, 0.8],
];
const dots = [0.39, 0.5, 0.61].map((cx) => ({ cx, cy: 0.47, r: 0.04 }));

function hexToRgba(hex: string): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

function transform(shape: IconShape, x: number, y: number): [number, number] {
  return [0.5 + (x - 0.5) * shape.scale, 0.5 + (y - 0.5) * shape.scale];
}

export function iconSvg(background: string, shape: IconShape = { corner: 0.22, scale: 1 }): string {
  const p = (x: number, y: number) => transform(shape, x, y).map((v) => +(v * 512).toFixed(2));
  const [bx, by] = p(bubble.cx, bubble.cy);
  const pts = tail.map(([x, y]) => p(x, y).join(",")).join(" ");
  const dotEls = dots
    .map((d) => {
      const [x, y] = p(d.cx, d.cy);
      return `<circle cx="${x}" cy="${y}" r="${d.r * 512 * shape.scale}" fill="${background}"/>`;
    })
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">`,
    `<rect width="512" height="512" rx="${shape.corner * 512}" fill="${background}"/>`,
    `<circle cx="${bx}" cy="${by}" r="${bubble.r * 512 * shape.scale}" fill="#fff"/>`,
    `<polygon points="${pts}" fill="#fff"/>`,
    dotEls,
    "</svg>",
  ].join("");
}

function insideTriangle(x: number, y: number, t: [number, number][]): boolean {
  const [a, b, c] = t as [[number, number], [number, number], [number, number]];
  const side = (p: [number, number], q: [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function insideRoundedSquare(x: number, y: number, corner: number): boolean {
  if (corner === 0) return true;
  const cx = Math.min(Math.max(x, corner), 1 - corner);
  const cy = Math.min(Math.max(y, corner), 1 - corner);
  return (x - cx) ** 2 + (y - cy) ** 2 <= corner ** 2;
}

/** Colour of one sample point in unit coordinates. */
function sample(x: number, y: number, bg: Rgba, shape: IconShape): Rgba {
  if (!insideRoundedSquare(x, y, shape.corner)) return [0, 0, 0, 0];
  // Undo the scale so shapes are tested in their own unit space.
  const ux = 0.5 + (x - 0.5) / shape.scale;
  const uy = 0.5 + (y - 0.5) / shape.scale;
  const inCircle = (c: { cx: number; cy: number; r: number }) => (ux - c.cx) ** 2 + (uy - c.cy) ** 2 <= c.r ** 2;
  if (dots.some(inCircle)) return bg;
  if (inCircle(bubble) || insideTriangle(ux, uy, tail)) return [255, 255, 255, 255];
  return bg;
}

/** Rasterises the icon with 4×4 supersampling. Returns straight (non-premultiplied) RGBA rows. */
function rasterise(size: number, background: string, shape: IconShape): Buffer {
  const bg = hexToRgba(background);
  const n = 4;
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    const rowStart = py * (size * 4 + 1);
    rows[rowStart] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, bg, shape);
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = rowStart + 1 + px * 4;
      rows[o] = a ? Math.round(r / a) : 0;
      rows[o + 1] = a ? Math.round(g / a) : 0;
      rows[o + 2] = a ? Math.round(b / a) : 0;
      rows[o + 3] = Math.round(a / (n * n));
    }
  }
  return rows;
}

const crcTable = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function iconPng(size: number, background: string, shape: IconShape = { corner: 0.22, scale: 1 }): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rasterise(size, background, shape), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The icon files, by path under the site root. */
export function iconFiles(background: string): Record<string, () => string | Buffer> {
  const maskable: IconShape = { corner: 0, scale: 0.8 };
  return {
    "icons/icon.svg": () => iconSvg(background),
    "icons/icon-192.png": () => iconPng(192, background),
    "icons/icon-512.png": () => iconPng(512, background),
    "icons/maskable-512.png": () => iconPng(512, background, maskable),
    "icons/apple-touch-icon.png": () => iconPng(180, background, { corner: 0, scale: 0.9 }),
  };
}

/** Emits the icons into the build and serves them from the dev server. */
export function appIcons(opts: { background: string }): Plugin {
  const files = iconFiles(opts.background);
  return {
    name: "openclm-app-icons",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const make = files[(req.url ?? "").replace(/^\//, "").split("?")[0] ?? ""];
        if (!make) return next();
        const body = make();
        res.setHeader("Content-Type", typeof body === "string" ? "image/svg+xml" : "image/png");
        res.end(body);
      });
    },
    generateBundle() {
      for (const [fileName, make] of Object.entries(files)) this.emitFile({ type: "asset", fileName, source: make() });
    },
  };
}
