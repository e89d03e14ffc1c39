/** Builds the view models of the action cards from stored actions, in the reader's language. */
import type { ActionCardModel } from '../../../cards/action.card';
import type { ActionListItem } from '../../../cards/action-list.card';
import { allowedTransitions, canUpdate } from '../../domain/actions';
import { pick, type Person, type RegistryIndex } from '../../domain/registry';
import { translator, type Locale } from '../../i18n';
import { formatDay, organisationNames, ownerName } from '../actions/display';
import { statusName } from '../actions/messages';
import type { ActionView } from '../actions/outcome';

export function peopleChoices(
  index: RegistryIndex,
  regionId: string | undefined,
): (readonly [string, string])[] {
  const inRegion = (person: Person): boolean =>
    regionId === undefined || index.organisationsById.get(person.organisation)?.region === regionId;
  return index.registry.people
    .filter(inRegion)
    .map((person) => [person.id, person.name] as const)
    .sort((a, b) => a[1].localeCompare(b[1], 'fi'));
}

export function actionCardModel(
  view: ActionView,
  index: RegistryIndex,
  locale: Locale,
  viewer: Person | undefined,
  notice?: string,
  noticeTone: 'good' | 'warning' = 'good',
): ActionCardModel {
  const { action } = view;
  const forum = index.forumsById.get(action.forum);
  const iface = action.interface ? index.interfacesById.get(action.interface) : undefined;
  const goal = action.goal ? index.goalsById.get(action.goal) : undefined;
  const owner = ownerName(action, index);
  const may = forum ? canUpdate(viewer, action, forum).ok : false;
  return {
    action,
    version: view.version,
    overdue: view.overdue,
    forumName: forum ? pick(forum.name, locale) : action.forum,
    statusName: statusName(action.status, locale),
    organisationNames: organisationNames(action, index, locale),
    canUpdate: may,
    transitions: may ? allowedTransitions(action.status) : [],
    people: may ? peopleChoices(index, forum?.region) : [],
    ...(owner ? { ownerName: owner } : {}),
    ...(iface ? { interfaceName: pick(iface.name, locale) } : {}),
    ...(goal ? { goalName: pick(goal.title, locale) } : {}),
    ...(action.dueDate ? { dueText: formatDay(action.dueDate, locale) } : {}),
    ...(notice ? { notice, noticeTone } : {}),
    lang: locale,
  };
}

export function listItem(view: ActionView, index: RegistryIndex, locale: Locale): ActionListItem {
  const tr = translator(locale);
  const { action } = view;
  return {
    id: action.id,
    forumId: action.forum,
    title: action.title,
    owner: ownerName(action, index) ?? action.ownerText ?? tr('actions.value.noOwner'),
    due: action.dueDate ? formatDay(action.dueDate, locale) : tr('actions.value.noDueDate'),
    status: statusName(action.status, locale),
    overdue: view.overdue,
  };
}
