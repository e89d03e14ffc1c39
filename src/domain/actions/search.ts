/** Word search over a forum's actions: every typed word must occur in the id, title or text. */
import { fold, foldedWords } from './fold';
import type { Action } from './types';

export function searchWords(query: string): string[] {
  return [...new Set(foldedWords(query))];
}

export function matchesWords(action: Action, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const haystack = ` ${fold(`${action.id} ${action.title} ${action.description ?? ''}`)} `;
  return words.every((word) => haystack.includes(word));
}
