/**
 * Where the bot can speak later (proactive posts): one reference per conversation it is in.
 * Our own DTO, not botbuilder's ConversationReference, so the surface can change SDKs.
 */
export interface ConversationRef {
  readonly conversationId: string;
  readonly serviceUrl: string;
  /** Bot Framework channel, `msteams` in Teams. */
  readonly channelId: string;
  readonly conversationType?: string;
  readonly tenantId?: string;
  /** Teams team and channel ids from channelData, when the conversation is a channel. */
  readonly teamId?: string;
  readonly teamsChannelId?: string;
  readonly botId: string;
  readonly botName?: string;
  /** The user, for personal (1:1) conversations. */
  readonly userAadObjectId?: string;
  readonly locale?: string;
  /** Milliseconds since the epoch. */
  readonly updatedAt: number;
}

export interface ConversationDirectory {
  /** `fresh`: write-through even if this instance saved the same reference recently (installs). */
  save(ref: ConversationRef, options?: { readonly fresh?: boolean }): Promise<void>;
  remove(conversationId: string): Promise<boolean>;
  get(conversationId: string): Promise<ConversationRef | undefined>;
  /** The conversation of a Teams channel (or group chat) by its id. */
  findByTeamsChannel(teamsChannelId: string): Promise<ConversationRef | undefined>;
  /** The personal (1:1) conversation with a user, by Entra object id. */
  findPersonal(aadObjectId: string): Promise<ConversationRef | undefined>;
}
