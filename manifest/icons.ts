/**
 * The app icons, drawn from this small description rather than kept as binary files: two
 * overlapping rings, a municipality and the wellbeing services county, whose shared area (the
 * interface, "yhdyspinta") is filled. Teams wants a 192×192 colour icon and a 32×32 outline icon
 * that is white on a transparent background.
 *
 * Coverage is computed by supersampling with exact arithmetic only (no sqrt or trigonometry), so
 * the pixels are identical on every machine.
 */
import { PNG } from 'pngjs';

export const ICON_ACCENT = '#1F4E79';
const SHARED_AREA = '#F2B705';
const WHITE = '#FFFFFF';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Samples per pixel along each axis. */
const SUPERSAMPLING = 4;

interface Circle {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

type Shape = (x: number, y: number) => boolean;

interface Layer {
  readonly color: string;
  readonly shape: Shape;
}

const inside = (c: Circle, x: number, y: number): boolean =>
  (x - c.cx) * (x - c.cx) + (y - c.cy) * (y - c.cy) <= c.r * c.r;

const ring =
  (c: Circle, width: number): Shape =>
  (x, y) =>
    inside(c, x, y) && !inside({ ...c, r: c.r - width }, x, y);

/** The area both discs share, shrunk by `gap` so that it stands apart from the rings. */
const lens =
  (a: Circle, b: Circle, gap: number): Shape =>
  (x, y) =>
    inside({ ...a, r: a.r - gap }, x, y) && inside({ ...b, r: b.r - gap }, x, y);

interface Geometry {
  readonly left: Circle;
  readonly right: Circle;
  readonly width: number;
  readonly gap: number;
}

/**
 * The same logo at both sizes. In the colour icon it stays inside the central 96×96 area that
 * Teams' icon guidance reserves for the symbol; the outline's is aligned to whole pixels.
 */
const COLOR_GEOMETRY: Geometry = {
  left: { cx: 82, cy: 96, r: 34 },
  right: { cx: 110, cy: 96, r: 34 },
  width: 7,
  gap: 11,
};
const OUTLINE_GEOMETRY: Geometry = {
  left: { cx: 12, cy: 16, r: 9 },
  right: { cx: 20, cy: 16, r: 9 },
  width: 2,
  gap: 3,
};

function logo({ left, right, width, gap }: Geometry): { rings: Shape[]; shared: Shape } {
  return { rings: [ring(left, width), ring(right, width)], shared: lens(left, right, gap) };
}

/** The colour icon: full-bleed accent background, white rings, the shared area in gold. */
export function renderColorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const { rings, shared } = logo(COLOR_GEOMETRY);
  const layers: Layer[] = [
    ...rings.map((shape) => ({ color: WHITE, shape })),
    { color: SHARED_AREA, shape: shared },
  ];
  return encode(size, paint(size, ICON_ACCENT, layers));
}

/** The outline icon: every pixel is white, only its alpha varies (Teams' rule for outline icons). */
export function renderOutlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const { rings, shared } = logo(OUTLINE_GEOMETRY);
  const shapes = [...rings, shared];
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const alpha = coverage(px, py, (x, y) => shapes.some((shape) => shape(x, y)));
      pixels.set([255, 255, 255, Math.round(alpha * 255)], (py * size + px) * 4);
    }
  }
  return encode(size, pixels);
}

function paint(size: number, background: string, layers: readonly Layer[]): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const base = rgb(background);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let color = base;
      for (const layer of layers) {
        const alpha = coverage(px, py, layer.shape);
        if (alpha > 0) color = mix(color, rgb(layer.color), alpha);
      }
      pixels.set([...color.map(Math.round), 255], (py * size + px) * 4);
    }
  }
  return pixels;
}

/** The share of sample points of pixel (px, py) that lie inside the shape. */
function coverage(px: number, py: number, shape: Shape): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy++) {
    for (let sx = 0; sx < SUPERSAMPLING; sx++) {
      if (shape(px + (sx + 0.5) / SUPERSAMPLING, py + (sy + 0.5) / SUPERSAMPLING)) hits++;
    }
  }
  return hits / (SUPERSAMPLING * SUPERSAMPLING);
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function mix(under: readonly number[], over: readonly number[], alpha: number): [number, number, number] {
  const channel = (i: number) => (under[i] ?? 0) * (1 - alpha) + (over[i] ?? 0) * alpha;
  return [channel(0), channel(1), channel(2)];
}

function encode(size: number, pixels: Buffer): Buffer {
  const png = new PNG({ width: size, height: size });
  pixels.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}
