/** What of an error may be logged: name, stable code and message; never request bodies. */
export function errorSummary(error: unknown): { name: string; code?: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'unknown', message: String(error) };
}
