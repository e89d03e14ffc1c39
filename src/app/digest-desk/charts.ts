/**
 * Trend charts behind unguessable URLs: the digest card links `/charts/<token>.png`; the token
 * is random and the chart's data is kept in the Store, so any instance can draw it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../ports/store';

export interface ChartData {
  readonly points: readonly { readonly year: number; readonly value: number }[];
  readonly verdict?: 'good' | 'bad' | 'neutral';
}

export class ChartRegistry {
  constructor(private readonly store: Store) {}

  /** The token for this chart; the same data gets the same token back. */
  async register(data: ChartData): Promise<string> {
    const fingerprint = createHash('sha256').update(JSON.stringify(data)).digest('base64url');
    const known = await this.store.get<{ token: string }>(`chart-by-data:${fingerprint}`);
    if (known) return known.value.token;
    const token = randomBytes(18).toString('base64url');
    await this.store.put(`chart:${token}`, data);
    await this.store.put(`chart-by-data:${fingerprint}`, { token });
    return token;
  }

  async data(token: string): Promise<ChartData | undefined> {
    if (!/^[A-Za-z0-9_-]{24}$/.test(token)) return undefined;
    return (await this.store.get<ChartData>(`chart:${token}`))?.value;
  }
}
