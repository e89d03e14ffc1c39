/**
 * User text placed in Markdown as plain text: every punctuation character Markdown could read
 * as syntax is backslash-escaped (CommonMark allows that for any ASCII punctuation), and line
 * breaks become spaces so a title cannot start a heading or a list of its own.
 */
const SYNTAX = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SYNTAX, (ch) => `\\${ch}`);
}
