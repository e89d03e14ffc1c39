/**
 * The scheduler's reminder work: owners are told 1:1 N days before the due date and on the day
 * an action becomes overdue, once each. A reminder that cannot be sent is handed back.
 */
import { pick } from '../../domain/registry';
import { t, type Locale } from '../../i18n';
import type { ConversationDirectory } from '../../ports/conversation-directory';
import type { Job, JobSource } from '../../scheduler';
import type { ActionService } from '../actions';
import { formatDay } from '../actions/display';
import type { SendQueue } from '../delivery';
import type { ServedRegistry } from '../served-registry';

export interface ReminderJobDeps {
  readonly actions: ActionService;
  readonly conversations: ConversationDirectory;
  readonly queue: SendQueue;
  readonly registry: () => ServedRegistry | undefined;
  readonly locale: Locale;
}

export function reminderJobs(deps: ReminderJobDeps): JobSource {
  return {
    name: 'reminders',
    due: async (now) => {
      const reminders = await deps.actions.claimDueReminders(now);
      return reminders.map((reminder): Job => {
        const release = (): Promise<void> => deps.actions.releaseReminder(reminder);
        return {
          key: reminder.claim,
          dueAt: now,
          declined: release,
          run: async () => {
            const owner = reminder.ownerAadObjectId;
            const ref = owner ? await deps.conversations.findPersonal(owner) : undefined;
            // Without a 1:1 conversation there is no one to tell; the action's card shows it overdue.
            if (!ref) return;
            const { action } = reminder.action;
            const forum = deps.registry()?.index.forumsById.get(action.forum);
            const locale = deps.locale;
            const key = reminder.kind === 'dueSoon' ? 'actions.reminder.dueSoon' : 'actions.reminder.overdue';
            const text = t(locale, key, {
              id: action.id,
              title: action.title,
              date: formatDay(reminder.dueDate, locale),
              forum: forum ? pick(forum.name, locale) : action.forum,
            });
            const record = await deps.queue.deliver({
              id: `reminder:${reminder.claim}`,
              ref,
              message: { text, locale },
              forumId: action.forum,
              kind: 'reminder',
            });
            if (record.status === 'failed') {
              await release();
              throw new Error(`reminder delivery failed: ${record.reason ?? record.lastStatus}`);
            }
          },
        };
      });
    },
  };
}
