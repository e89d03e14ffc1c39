import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '../../../src/adapters/file/file-store';
import { StoredConversationDirectory } from '../../../src/app/conversation-directory';
import type { ConversationRef } from '../../../src/ports/conversation-directory';
import type { Store } from '../../../src/ports/store';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'conv-dir-'));
  store = await createFileStore({ dir });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ref = (overrides: Partial<ConversationRef> = {}): ConversationRef => ({
  conversationId: '19:abc@thread.tacv2',
  serviceUrl: 'https://smba.example/emea/',
  channelId: 'msteams',
  conversationType: 'channel',
  teamsChannelId: '19:abc@thread.tacv2',
  botId: '28:bot',
  updatedAt: 1_000,
  ...overrides,
});

describe('conversation directory', () => {
  it('finds a channel and a personal conversation (object ids in any case)', async () => {
    const directory = new StoredConversationDirectory(store);
    await directory.save(ref());
    await directory.save(
      ref({
        conversationId: 'a:1',
        conversationType: 'personal',
        teamsChannelId: undefined,
        userAadObjectId: 'ABCDEF00-0000-4000-8000-000000000001',
      }),
    );
    expect((await directory.findByTeamsChannel('19:abc@thread.tacv2'))?.serviceUrl).toBe(
      'https://smba.example/emea/',
    );
    expect((await directory.findPersonal('abcdef00-0000-4000-8000-000000000001'))?.conversationId).toBe(
      'a:1',
    );
  });

  it('does not reread an unchanged reference on every message, but writes a changed one and a fresh one', async () => {
    const first = new StoredConversationDirectory(store);
    const other = new StoredConversationDirectory(store);
    await first.save(ref());
    await other.remove('19:abc@thread.tacv2');
    await first.save(ref({ updatedAt: 2_000 }));
    expect(await first.get('19:abc@thread.tacv2')).toBeUndefined();
    await first.save(ref({ updatedAt: 3_000 }), { fresh: true });
    expect(await first.get('19:abc@thread.tacv2')).toBeDefined();
    await first.save(ref({ serviceUrl: 'https://smba.example/amer/', updatedAt: 4_000 }));
    expect((await other.get('19:abc@thread.tacv2'))?.serviceUrl).toBe('https://smba.example/amer/');
  });
});
