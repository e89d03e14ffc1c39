import { z } from 'zod';
import { IndicatorSourceError } from './indicator-errors';

/** Validates a source's answer; extra fields pass, a changed shape fails with the first issues named. */
export function parseResponse<S extends z.ZodType>(schema: S, body: unknown, url: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new IndicatorSourceError('INDICATOR_BAD_RESPONSE', `unexpected answer from ${url}: ${issues}`, {
    url,
  });
}
