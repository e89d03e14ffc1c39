/**
 * Per-user limit on commands that write (card saves, status changes, meeting edits,
 * acknowledgements): a sliding window per user. Kept per instance: a user's burst reaches one
 * instance at a time in practice, and a limit that is a little generous across instances still
 * stops a runaway client.
 */
export class WriteRateLimit {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly maxPerWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** True when the user may write now (and counts this write). */
  allow(userId: string): boolean {
    const now = this.now();
    const since = now - this.windowMs;
    const times = (this.recent.get(userId) ?? []).filter((at) => at > since);
    if (times.length >= this.maxPerWindow) {
      this.recent.set(userId, times);
      return false;
    }
    times.push(now);
    this.recent.set(userId, times);
    if (this.recent.size > 50_000) this.prune(since);
    return true;
  }

  private prune(since: number): void {
    for (const [user, times] of this.recent) if (!times.some((at) => at > since)) this.recent.delete(user);
  }
}
