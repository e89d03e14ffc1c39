/** ConversationDirectory kept in the Store: survives restarts, shared by all instances. */
import type { ConversationDirectory, ConversationRef } from '../ports/conversation-directory';
import type { IndexChange, Store } from '../ports/store';

const refKey = (conversationId: string): string => `conv:ref:${conversationId}`;
const channelKey = (teamsChannelId: string): string => `conv:channel:${teamsChannelId}`;
// Entra object ids are GUIDs and arrive in either case.
const personalKey = (aadObjectId: string): string => `conv:personal:${aadObjectId.toLowerCase()}`;
const ALL_INDEX = 'conv:all';

interface Pointer {
  readonly conversationId: string;
}

/** Conversations recently confirmed as stored, so that every message does not read the store. */
const RECENT_LIMIT = 10_000;
const RECENT_MS = 10 * 60 * 1000;

export class StoredConversationDirectory implements ConversationDirectory {
  // A per-instance shortcut only: a miss reads the store, so instances never disagree.
  private readonly recent = new Map<string, ConversationRef>();

  constructor(private readonly store: Store) {}

  async save(ref: ConversationRef, options: { readonly fresh?: boolean } = {}): Promise<void> {
    const seen = this.recent.get(ref.conversationId);
    if (!options.fresh && seen && sameRef(seen, ref) && ref.updatedAt - seen.updatedAt < RECENT_MS) return;
    const current = await this.store.get<ConversationRef>(refKey(ref.conversationId));
    if (current && sameRef(current.value, ref)) {
      this.remember(ref);
      return;
    }
    const indexes: IndexChange[] = [
      { op: 'add', index: ALL_INDEX, member: ref.conversationId, score: ref.updatedAt },
    ];
    await this.store.put(refKey(ref.conversationId), ref, { indexes });
    if (ref.teamsChannelId)
      await this.store.put<Pointer>(channelKey(ref.teamsChannelId), { conversationId: ref.conversationId });
    if (ref.conversationType === 'personal' && ref.userAadObjectId) {
      await this.store.put<Pointer>(personalKey(ref.userAadObjectId), { conversationId: ref.conversationId });
    }
    this.remember(ref);
  }

  private remember(ref: ConversationRef): void {
    if (this.recent.size >= RECENT_LIMIT) this.recent.clear();
    this.recent.set(ref.conversationId, ref);
  }

  async remove(conversationId: string): Promise<boolean> {
    this.recent.delete(conversationId);
    const current = await this.store.get<ConversationRef>(refKey(conversationId));
    if (!current) return false;
    const ref = current.value;
    if (ref.teamsChannelId) await this.removePointer(channelKey(ref.teamsChannelId), conversationId);
    if (ref.userAadObjectId) await this.removePointer(personalKey(ref.userAadObjectId), conversationId);
    return this.store.delete(refKey(conversationId), {
      indexes: [{ op: 'remove', index: ALL_INDEX, member: conversationId }],
    });
  }

  async get(conversationId: string): Promise<ConversationRef | undefined> {
    return (await this.store.get<ConversationRef>(refKey(conversationId)))?.value;
  }

  async findByTeamsChannel(teamsChannelId: string): Promise<ConversationRef | undefined> {
    return (await this.follow(channelKey(teamsChannelId))) ?? (await this.get(teamsChannelId));
  }

  async findPersonal(aadObjectId: string): Promise<ConversationRef | undefined> {
    return this.follow(personalKey(aadObjectId));
  }

  private async follow(key: string): Promise<ConversationRef | undefined> {
    const pointer = await this.store.get<Pointer>(key);
    return pointer ? this.get(pointer.value.conversationId) : undefined;
  }

  private async removePointer(key: string, conversationId: string): Promise<void> {
    const pointer = await this.store.get<Pointer>(key);
    if (pointer?.value.conversationId === conversationId) await this.store.delete(key);
  }
}

/**
 * Ignores `updatedAt` so that every inbound message does not rewrite an unchanged reference.
 * A reference is flat (strings and one number), so comparing its fields is enough.
 */
function sameRef(a: ConversationRef, b: ConversationRef): boolean {
  const fields = Object.keys(a) as (keyof ConversationRef)[];
  if (fields.length !== Object.keys(b).length) return false;
  return fields.every((field) => field === 'updatedAt' || a[field] === b[field]);
}
