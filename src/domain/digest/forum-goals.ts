/**
 * The goals a forum follows: those of the cooperation agreements its region's organisations are
 * party to, on the forum's interfaces (a goal on a narrower interface counts for the broader one).
 * A forum without `interfaces` covers them all.
 */
import type { Forum, Goal, RegistryIndex } from '../registry';

export function forumGoals(registry: RegistryIndex, forum: Forum): Goal[] {
  const agreements = new Set(
    registry.registry.agreements
      .filter((agreement) =>
        agreement.parties.some((party) => registry.organisationsById.get(party)?.region === forum.region),
      )
      .map((agreement) => agreement.id),
  );
  const interfaces = forum.interfaces === undefined ? undefined : new Set(forum.interfaces);
  return registry.registry.goals.filter(
    (goal) =>
      agreements.has(goal.agreement) &&
      (interfaces === undefined ||
        registry.interfaceWithAncestors(goal.interface).some((i) => interfaces.has(i.id)) ||
        interfaces.has(goal.interface)),
  );
}
