/**
 * The secret in a forum's calendar URL. Calendar apps need the URL itself, so the token is kept
 * as is (unlike export tokens); a secretary rotates it with the export links.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../ports/store';

export class CalendarTokens {
  constructor(private readonly store: Store) {}

  async tokenOf(forumId: string): Promise<string> {
    const current = await this.store.get<{ token: string }>(`calendar-token:${forumId}`);
    if (current) return current.value.token;
    const token = randomBytes(24).toString('base64url');
    try {
      await this.store.put(`calendar-token:${forumId}`, { token }, { expectedVersion: 0 });
      return token;
    } catch {
      // Another instance created it first: use theirs.
      return (await this.store.get<{ token: string }>(`calendar-token:${forumId}`))?.value.token ?? token;
    }
  }

  async rotate(forumId: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.store.put(`calendar-token:${forumId}`, { token });
    return token;
  }

  async verify(forumId: string, token: string): Promise<boolean> {
    const current = (await this.store.get<{ token: string }>(`calendar-token:${forumId}`))?.value.token;
    if (!current) return false;
    const a = Buffer.from(current);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
