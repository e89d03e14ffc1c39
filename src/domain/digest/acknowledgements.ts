/**
 * Acknowledgements of a digest, per organisation: bots get no read receipts in channels, so each
 * member organisation says "seen" with a button. A person acknowledges for the forum member their
 * organisation belongs to (through `parent`), or else for their own organisation.
 */
import type { Forum, Organisation, Person, RegistryIndex } from '../registry';
import type { AcknowledgementRecord, AcknowledgementSummary, OrganisationAck } from './types';

export function acknowledgingOrganisation(
  person: Person,
  forum: Forum,
  registry: RegistryIndex,
): Organisation | undefined {
  const members = new Set(forum.members);
  const seen = new Set<string>();
  for (let id: string | undefined = person.organisation; id !== undefined && !seen.has(id);) {
    seen.add(id);
    if (members.has(id)) return registry.organisationsById.get(id);
    id = registry.organisationsById.get(id)?.parent;
  }
  return registry.organisationsById.get(person.organisation);
}

export function acknowledgementSummary(
  forum: Forum,
  record: AcknowledgementRecord,
  registry: RegistryIndex,
): AcknowledgementSummary {
  const entry = (organisation: string): OrganisationAck => {
    const known = registry.organisationsById.get(organisation);
    const ack = record.organisations[organisation];
    const by = ack ? (registry.peopleById.get(ack.by)?.name ?? ack.by) : undefined;
    return {
      organisation,
      name: known ? (known.shortName ?? known.name) : { fi: organisation },
      ...(ack ? { by, at: ack.at } : {}),
    };
  };
  const members = [...new Set(forum.members)];
  const others = Object.keys(record.organisations)
    .filter((id) => !members.includes(id))
    .sort();
  const all = [...members, ...others].map(entry);
  return {
    acknowledged: all.filter((ack) => ack.at !== undefined),
    pending: all.filter((ack) => ack.at === undefined),
  };
}
