import { PNG } from 'pngjs';
import {
  AXIS_COLOR,
  CHART_COLORS,
  chartLayout,
  renderTrendChart,
} from '../../../../src/adapters/charts/trend-chart';

const SERIES = [
  { year: 2019, value: 12.1 },
  { year: 2020, value: 14.8 },
  { year: 2021, value: 13.2 },
  { year: 2022, value: 11.9 },
  { year: 2023, value: 11.2 },
];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const at = (y * png.width + x) * 4;
  return [png.data[at] ?? -1, png.data[at + 1] ?? -1, png.data[at + 2] ?? -1, png.data[at + 3] ?? -1];
}

function rgba(color: { r: number; g: number; b: number; a: number }): [number, number, number, number] {
  return [color.r, color.g, color.b, color.a];
}

describe('renderTrendChart', () => {
  it('writes a valid 320×120 PNG that pngjs decodes', () => {
    const bytes = renderTrendChart(SERIES, { verdict: 'good' });
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([320, 120]);
    expect(bytes.length).toBeLessThan(8_000);
  });

  it('draws the line through every point in the colour of the verdict, the latest point marked', () => {
    const png = PNG.sync.read(renderTrendChart(SERIES, { verdict: 'bad' }));
    const { positions } = chartLayout(SERIES, 320, 120);
    const red = rgba(CHART_COLORS.bad);
    for (const { x, y } of positions) expect(pixel(png, x, y)).toEqual(red);
    // The latest point is a disc of radius 5; the others are smaller.
    const last = positions[positions.length - 1] ?? { x: 0, y: 0 };
    expect(pixel(png, last.x - 4, last.y)).toEqual(red);
    const first = positions[0] ?? { x: 0, y: 0 };
    expect(pixel(png, first.x, first.y - 4)).not.toEqual(red);
    // Halfway along each segment the line is there (within a pixel of the exact midpoint).
    for (let i = 1; i < positions.length; i++) {
      const a = positions[i - 1] ?? first;
      const b = positions[i] ?? first;
      const [mx, my] = [Math.round((a.x + b.x) / 2), Math.round((a.y + b.y) / 2)];
      const near = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => pixel(png, mx + dx, my + dy)));
      expect(near).toContainEqual(red);
    }
    // Years run left to right with equal steps; the highest value is nearest the top.
    expect(positions.map((p) => p.x)).toEqual([10, 85, 160, 235, 310]);
    expect(Math.min(...positions.map((p) => p.y))).toBe(positions[1]?.y);
  });

  it('has a transparent background by default, white on request, and a grey axis', () => {
    const png = PNG.sync.read(renderTrendChart(SERIES));
    expect(pixel(png, 0, 0)[3]).toBe(0);
    const { baseline } = chartLayout(SERIES, 320, 120);
    expect(pixel(png, 160, baseline)).toEqual(rgba(AXIS_COLOR));
    const white = PNG.sync.read(renderTrendChart(SERIES, { background: 'white' }));
    expect(pixel(white, 0, 0)).toEqual([255, 255, 255, 255]);
    const neutral = rgba(CHART_COLORS.neutral);
    const last = chartLayout(SERIES, 320, 120).positions[4] ?? { x: 0, y: 0 };
    expect(pixel(png, last.x, last.y)).toEqual(neutral);
  });

  it('gives the same bytes for the same series, and other bytes for another', () => {
    expect(renderTrendChart(SERIES, { verdict: 'good' })).toEqual(
      renderTrendChart([...SERIES].reverse(), { verdict: 'good' }),
    );
    expect(renderTrendChart(SERIES, { verdict: 'good' })).not.toEqual(
      renderTrendChart(SERIES, { verdict: 'bad' }),
    );
  });

  it('copes with one point, a flat series, gaps, other sizes and no points at all', () => {
    const one = PNG.sync.read(renderTrendChart([{ year: 2024, value: 5 }], { verdict: 'good' }));
    expect(pixel(one, 160, 60)).toEqual(rgba(CHART_COLORS.good));
    const flat = chartLayout(
      [
        { year: 2020, value: 3 },
        { year: 2021, value: 3 },
      ],
      320,
      120,
    );
    expect(flat.positions.map((p) => p.y)).toEqual([60, 60]);
    const gap = chartLayout(
      [
        { year: 2010, value: 1 },
        { year: 2011, value: 2 },
        { year: 2020, value: 3 },
      ],
      120,
      40,
    );
    expect(gap.positions.map((p) => p.x)).toEqual([10, 20, 110]);
    const small = PNG.sync.read(renderTrendChart(SERIES, { width: 120, height: 40 }));
    expect([small.width, small.height]).toEqual([120, 40]);
    expect(PNG.sync.read(renderTrendChart([])).width).toBe(320);
  });
});
