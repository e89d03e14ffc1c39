/**
 * A small PNG line chart of an indicator's yearly values for the digest card: years left to right,
 * values bottom to top, the latest point marked, coloured by whether the latest change was good
 * or bad. No text (the card says the numbers); deterministic, so the same series gives the same
 * bytes and the image can be cached by its content.
 */
import { PNG } from 'pngjs';
import { PixelCanvas, rgb, type Rgba } from './pixel-canvas';

export type ChartVerdict = 'good' | 'bad' | 'neutral';

export interface TrendChartPoint {
  readonly year: number;
  readonly value: number;
}

export interface TrendChartOptions {
  readonly width?: number;
  readonly height?: number;
  readonly verdict?: ChartVerdict;
  /** Transparent by default, so the chart sits on light and dark Teams themes alike. */
  readonly background?: 'transparent' | 'white';
}

export const CHART_COLORS: Readonly<Record<ChartVerdict, Rgba>> = {
  good: rgb('#107c10'),
  bad: rgb('#c4314b'),
  neutral: rgb('#6264a7'),
};
export const AXIS_COLOR = rgb('#8a8886');

export const CHART_SIZE = { width: 320, height: 120 } as const;
const PADDING = 10;

export interface ChartLayout {
  /** Pixel position of each point, in year order. */
  readonly positions: readonly { readonly x: number; readonly y: number }[];
  readonly baseline: number;
}

/** Where the points go: exposed so that tests can look for the line where it should be. */
export function chartLayout(points: readonly TrendChartPoint[], width: number, height: number): ChartLayout {
  const sorted = [...points].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.year - b.year);
  const first = sorted[0]?.year ?? 0;
  const last = sorted[sorted.length - 1]?.year ?? 0;
  const values = sorted.map((p) => p.value);
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (!(high > low)) {
    const spread = Math.abs(high) * 0.1 || 1;
    low -= spread;
    high += spread;
  }
  const margin = (high - low) * 0.1;
  low -= margin;
  high += margin;
  const innerWidth = width - 2 * PADDING;
  const innerHeight = height - 2 * PADDING;
  const positions = sorted.map((p) => ({
    x: Math.round(
      PADDING + (last === first ? innerWidth / 2 : ((p.year - first) / (last - first)) * innerWidth),
    ),
    y: Math.round(PADDING + ((high - p.value) / (high - low)) * innerHeight),
  }));
  return { positions, baseline: height - PADDING + 4 };
}

export function drawTrendChart(
  points: readonly TrendChartPoint[],
  options: TrendChartOptions = {},
): PixelCanvas {
  const width = options.width ?? CHART_SIZE.width;
  const height = options.height ?? CHART_SIZE.height;
  const background = options.background === 'white' ? rgb('#ffffff') : { r: 255, g: 255, b: 255, a: 0 };
  const canvas = new PixelCanvas(width, height, background);
  const color = CHART_COLORS[options.verdict ?? 'neutral'];
  const { positions, baseline } = chartLayout(points, width, height);
  canvas.line(PADDING - 4, baseline, width - PADDING + 4, baseline, AXIS_COLOR);
  for (const { x } of positions) canvas.line(x, baseline - 2, x, baseline + 2, AXIS_COLOR);
  for (let i = 1; i < positions.length; i++) {
    const from = positions[i - 1];
    const to = positions[i];
    if (from && to) canvas.line(from.x, from.y, to.x, to.y, color, 2);
  }
  positions.forEach(({ x, y }, i) => canvas.disc(x, y, i === positions.length - 1 ? 5 : 2, color));
  return canvas;
}

/** The chart as PNG bytes. */
export function renderTrendChart(
  points: readonly TrendChartPoint[],
  options: TrendChartOptions = {},
): Buffer {
  const canvas = drawTrendChart(points, options);
  const png = new PNG({ width: canvas.width, height: canvas.height });
  canvas.data.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}
