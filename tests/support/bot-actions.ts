/** Actions logged and changed through the running bot's card actions, as a secretary in Teams does. */
import { randomUUID } from 'node:crypto';
import { cardActionInvoke, postActivity, USER_AAD } from './activities';
import type { Harness } from './bot-harness';
import type { FakeConnector } from './connector';

export interface LoggedAction {
  readonly title: string;
  /** Past dates are confirmed, as the form's "yes, in the past" toggle does. */
  readonly dueDate?: string;
  readonly ownerPersonId?: string;
  readonly forumId?: string;
}

async function press(
  bot: Harness,
  connector: FakeConnector,
  verb: string,
  data: Record<string, unknown>,
): Promise<string> {
  const activity = cardActionInvoke({
    serviceUrl: connector.url,
    aadObjectId: USER_AAD,
    verb,
    data: { verb, ...data },
  });
  return (await postActivity(bot.url, activity)).text();
}

/** Logs as Marja Malli (secretary of neuvottelukunta-ks) and answers the new action's id. */
export async function logActionViaBot(
  bot: Harness,
  connector: FakeConnector,
  action: LoggedAction,
): Promise<string> {
  const answer = await press(bot, connector, 'actions.log.v1', {
    kind: 'action',
    idempotencyKey: randomUUID(),
    forumId: action.forumId ?? 'neuvottelukunta-ks',
    title: action.title,
    ...(action.dueDate ? { dueDate: action.dueDate, confirmPast: 'true' } : {}),
    ...(action.ownerPersonId ? { ownerPersonId: action.ownerPersonId } : {}),
  });
  const id = /([A-Z]{2,8}-\d{4}-\d{3})/.exec(answer)?.[1];
  if (!id) throw new Error(`"${action.title}" was not logged: ${answer.slice(0, 300)}`);
  return id;
}

/** Changes the status of a just-logged action (version 1). */
export async function setStatusViaBot(
  bot: Harness,
  connector: FakeConnector,
  actionId: string,
  status: 'kaynnissa' | 'valmis' | 'peruttu',
  forumId = 'neuvottelukunta-ks',
): Promise<void> {
  const answer = await press(bot, connector, 'actions.status.v1', { forumId, actionId, version: 1, status });
  if (!answer.includes(actionId))
    throw new Error(`status of ${actionId} not changed: ${answer.slice(0, 300)}`);
}
