/**
 * An RGBA pixel buffer with the few drawing operations a small line chart needs: Bresenham lines
 * of some thickness and filled discs. Integer arithmetic only, so the same input always gives the
 * same pixels.
 */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

export function rgb(hex: string, alpha = 255): Rgba {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff, a: alpha };
}

export class PixelCanvas {
  readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgba,
  ) {
    this.data = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i++)
      this.data.set([background.r, background.g, background.b, background.a], i * 4);
  }

  /** Pixels outside the canvas are ignored, so shapes may overhang its edge. */
  plot(x: number, y: number, color: Rgba): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.data.set([color.r, color.g, color.b, color.a], (y * this.width + x) * 4);
  }

  pixel(x: number, y: number): Rgba {
    const at = (y * this.width + x) * 4;
    return {
      r: this.data[at] ?? 0,
      g: this.data[at + 1] ?? 0,
      b: this.data[at + 2] ?? 0,
      a: this.data[at + 3] ?? 0,
    };
  }

  /** A square brush of `thickness` pixels, its top-left corner on the point. */
  private brush(x: number, y: number, thickness: number, color: Rgba): void {
    const offset = Math.floor((thickness - 1) / 2);
    for (let dy = 0; dy < thickness; dy++) {
      for (let dx = 0; dx < thickness; dx++) this.plot(x - offset + dx, y - offset + dy, color);
    }
  }

  /** Bresenham's line from (x0, y0) to (x1, y1), both ends included. */
  line(x0: number, y0: number, x1: number, y1: number, color: Rgba, thickness = 1): void {
    let x = Math.round(x0);
    let y = Math.round(y0);
    const endX = Math.round(x1);
    const endY = Math.round(y1);
    const dx = Math.abs(endX - x);
    const dy = -Math.abs(endY - y);
    const stepX = x < endX ? 1 : -1;
    const stepY = y < endY ? 1 : -1;
    let error = dx + dy;
    for (;;) {
      this.brush(x, y, thickness, color);
      if (x === endX && y === endY) return;
      const twice = 2 * error;
      if (twice >= dy) {
        error += dy;
        x += stepX;
      }
      if (twice <= dx) {
        error += dx;
        y += stepY;
      }
    }
  }

  disc(cx: number, cy: number, radius: number, color: Rgba): void {
    const x0 = Math.round(cx);
    const y0 = Math.round(cy);
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        if (dx * dx + dy * dy <= radius * radius + radius) this.plot(x0 + dx, y0 + dy, color);
      }
    }
  }
}
