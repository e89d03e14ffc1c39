/** A file served over HTTP by a use-case (exports, calendars): status, type and body. */
export interface ExportFile {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Buffer;
}
