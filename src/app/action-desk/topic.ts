/**
 * What "toimenpiteet <words>" asks for beyond the fixed filters: the actions of an interface,
 * an organisation (or municipality), a goal or a meeting named in the words.
 */
import { understand } from '../../domain/questions/understand';
import { allVersions, pick } from '../../domain/registry';
import type { Locale } from '../../i18n';
import type { ActionGrouping } from '../actions';
import type { ServedRegistry } from '../served-registry';

export interface Topic {
  readonly grouping: ActionGrouping;
  readonly id: string;
  readonly name: string;
}

export function topicOf(served: ServedRegistry, words: string, locale: Locale): Topic | undefined {
  const { index } = served;
  const lower = words.trim().toLowerCase();
  if (lower === '') return undefined;
  const meeting = index.registry.meetings.find(
    (m) => m.id === lower || allVersions(m.title).some((t) => t.toLowerCase() === lower),
  );
  if (meeting) return { grouping: 'meeting', id: meeting.id, name: pick(meeting.title, locale) };
  const goal = index.registry.goals.find(
    (g) => g.id === lower || allVersions(g.title).some((t) => t.toLowerCase().includes(lower)),
  );
  if (goal) return { grouping: 'goal', id: goal.id, name: pick(goal.title, locale) };
  const understood = understand(served.questions, words, { fallbackLang: locale });
  const organisation = understood.municipality ?? understood.organisation;
  if (organisation)
    return { grouping: 'organisation', id: organisation.id, name: pick(organisation.name, locale) };
  const iface = understood.interfaces[0] ? index.interfacesById.get(understood.interfaces[0].id) : undefined;
  if (iface) return { grouping: 'interface', id: iface.id, name: pick(iface.name, locale) };
  return undefined;
}
