import { PNG } from 'pngjs';
import {
  COLOR_ICON_SIZE,
  ICON_ACCENT,
  OUTLINE_ICON_SIZE,
  renderColorIcon,
  renderOutlineIcon,
} from '../../../manifest/icons';

function pixels(png: PNG): { x: number; y: number; rgba: [number, number, number, number] }[] {
  const out: { x: number; y: number; rgba: [number, number, number, number] }[] = [];
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const d = png.data;
      out.push({ x, y, rgba: [d[i] ?? -1, d[i + 1] ?? -1, d[i + 2] ?? -1, d[i + 3] ?? -1] });
    }
  }
  return out;
}

const hex = ([r, g, b]: readonly number[]) =>
  `#${[r, g, b].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`.toUpperCase();

describe('colour icon', () => {
  const png = PNG.sync.read(renderColorIcon());
  const all = pixels(png);

  it('is 192×192', () => {
    expect([png.width, png.height]).toEqual([COLOR_ICON_SIZE, COLOR_ICON_SIZE]);
    expect(COLOR_ICON_SIZE).toBe(192);
  });

  it('is opaque, with the accent colour as its full-bleed background', () => {
    expect(all.filter((p) => p.rgba[3] !== 255)).toEqual([]);
    for (const [x, y] of [
      [0, 0],
      [191, 0],
      [0, 191],
      [191, 191],
    ]) {
      expect(hex(all[y! * 192 + x!]!.rgba)).toBe(ICON_ACCENT);
    }
  });

  it('draws the white rings and the gold shared area inside the central 96×96 symbol area', () => {
    const logo = all.filter((p) => hex(p.rgba) !== ICON_ACCENT);
    expect(logo.some((p) => hex(p.rgba) === '#FFFFFF')).toBe(true);
    expect(logo.some((p) => hex(p.rgba) === '#F2B705')).toBe(true);
    expect(logo.every((p) => p.x >= 48 && p.x < 144 && p.y >= 48 && p.y < 144)).toBe(true);
  });
});

describe('outline icon', () => {
  const png = PNG.sync.read(renderOutlineIcon());
  const all = pixels(png);

  it('is 32×32', () => {
    expect([png.width, png.height]).toEqual([OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE]);
    expect(OUTLINE_ICON_SIZE).toBe(32);
  });

  it('is white on transparent: every pixel fully transparent or white with some alpha', () => {
    const offending = all.filter(
      (p) => p.rgba[3] !== 0 && !(p.rgba[0] === 255 && p.rgba[1] === 255 && p.rgba[2] === 255),
    );
    expect(offending).toEqual([]);
  });

  it('has a drawn symbol and a transparent background and border', () => {
    expect(all.filter((p) => p.rgba[3] === 255).length).toBeGreaterThan(50);
    const border = all.filter((p) => p.x === 0 || p.y === 0 || p.x === 31 || p.y === 31);
    expect(border.every((p) => p.rgba[3] === 0)).toBe(true);
    expect(all.filter((p) => p.rgba[3] === 0).length).toBeGreaterThan(32 * 32 * 0.4);
  });
});

describe('icon rendering', () => {
  it('is deterministic', () => {
    expect(renderColorIcon().equals(renderColorIcon())).toBe(true);
    expect(renderOutlineIcon().equals(renderOutlineIcon())).toBe(true);
  });
});
