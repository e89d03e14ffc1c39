/**
 * Checks over the merged registry: ids unique, every reference resolves to an item of the right
 * list (and kind), no parent cycles, meetings end after they start. Each issue points at the file
 * and the index inside that file where the offending item was written.
 */
import type { IssueCollector, IssuePath, RegistryIssueCode } from './issues';
import { nearest } from './suggest';
import type { Agreement, Organisation, OrganisationKind, RegistryItems, RegistryList } from './types';
import type { IdSets, Sourced, SourcedLists } from './validate-file';

type IdList = Exclude<RegistryList, 'responsibilities'>;

const ID_LISTS: readonly IdList[] = [
  'regions',
  'organisations',
  'people',
  'interfaces',
  'forums',
  'meetings',
  'agreements',
  'goals',
  'indicators',
];

const NOUN: Record<IdList, string> = {
  regions: 'region',
  organisations: 'organisation',
  people: 'person',
  interfaces: 'interface',
  forums: 'forum',
  meetings: 'meeting',
  agreements: 'agreement',
  goals: 'goal',
  indicators: 'indicator',
};

type Catalogues = { [L in IdList]: Map<string, Sourced<RegistryItems[L]>> };

export function checkCrossReferences(lists: SourcedLists, invalidIds: IdSets, issues: IssueCollector): void {
  new CrossReferenceCheck(lists, invalidIds, issues).run();
}

class CrossReferenceCheck {
  private readonly catalogues: Catalogues;
  private readonly kuntaCodes = new Set<string>();

  constructor(
    private readonly lists: SourcedLists,
    private readonly invalidIds: IdSets,
    private readonly issues: IssueCollector,
  ) {
    this.catalogues = {
      regions: this.catalogue('regions'),
      organisations: this.catalogue('organisations'),
      people: this.catalogue('people'),
      interfaces: this.catalogue('interfaces'),
      forums: this.catalogue('forums'),
      meetings: this.catalogue('meetings'),
      agreements: this.catalogue('agreements'),
      goals: this.catalogue('goals'),
      indicators: this.catalogue('indicators'),
    };
  }

  run(): void {
    if (this.lists.regions.length === 0 && this.invalidIds.regions.size === 0) {
      this.issues.error({
        code: 'REGISTRY_MISSING_LIST',
        file: '',
        path: [],
        message: 'no file defines any regions: a registry needs at least one region',
      });
    }
    this.checkOrganisations();
    this.checkRegions();
    this.checkPeople();
    this.checkInterfaces();
    this.checkResponsibilities();
    this.checkForums();
    this.checkMeetings();
    this.checkAgreements();
    this.checkGoals();
    this.checkIndicators();
  }

  /** First definition of each id; later ones are reported as duplicates. */
  private catalogue<L extends IdList>(list: L): Map<string, Sourced<RegistryItems[L]>> {
    const byId = new Map<string, Sourced<RegistryItems[L]>>();
    for (const entry of this.lists[list]) {
      const { id } = entry.item;
      const first = byId.get(id);
      if (first) {
        this.issues.error({
          code: 'REGISTRY_DUPLICATE_ID',
          file: entry.file,
          path: [list, entry.index, 'id'],
          message: `duplicate ${NOUN[list]} id "${id}": also defined in ${first.file} at ${list}[${first.index}]`,
        });
      } else {
        byId.set(id, entry);
      }
    }
    return byId;
  }

  private checkOrganisations(): void {
    const byCode = new Map<string, Sourced<Organisation>>();
    for (const entry of this.lists.organisations) {
      const { item } = entry;
      if (item.kind !== 'kunta' || item.code === undefined) continue;
      const first = byCode.get(item.code);
      if (first && first.item.id !== item.id) {
        this.error(
          entry,
          'organisations',
          ['code'],
          'REGISTRY_INCONSISTENT',
          `municipality code "${item.code}" is also the code of "${first.item.id}" (${first.file})`,
        );
      } else {
        byCode.set(item.code, entry);
      }
      this.kuntaCodes.add(item.code);
    }

    const employmentAreaOf = new Map<string, string>();
    for (const entry of this.lists.organisations) {
      const { item } = entry;
      this.ref(entry, 'organisations', ['region'], item.region, 'regions');
      this.ref(entry, 'organisations', ['parent'], item.parent, 'organisations');
      if (item.kind === 'kunta' && item.code === undefined) {
        this.error(
          entry,
          'organisations',
          ['code'],
          'REGISTRY_INVALID_VALUE',
          'an organisation of kind kunta needs its municipality code, e.g. code: "179"',
        );
      }
      if (item.kind !== 'kunta' && item.code !== undefined) {
        this.warn(
          entry,
          'organisations',
          ['code'],
          'REGISTRY_INCONSISTENT',
          `code is only used for kind kunta; this organisation is of kind ${item.kind}`,
        );
      }
      item.municipalities.forEach((code, index) => {
        this.municipality(entry, 'organisations', ['municipalities', index], code);
        if (item.kind !== 'tyollisyysalue') return;
        const other = employmentAreaOf.get(code);
        if (other === undefined) employmentAreaOf.set(code, item.id);
        else {
          this.warn(
            entry,
            'organisations',
            ['municipalities', index],
            'REGISTRY_INCONSISTENT',
            `municipality "${code}" is also in employment area "${other}"`,
          );
        }
      });
    }
    this.cycles('organisations', this.catalogues.organisations);
  }

  private checkRegions(): void {
    for (const entry of this.lists.regions) {
      this.ref(entry, 'regions', ['wellbeingCounty'], entry.item.wellbeingCounty, 'organisations', [
        'hyvinvointialue',
      ]);
      this.ref(entry, 'regions', ['regionalCouncil'], entry.item.regionalCouncil, 'organisations', [
        'maakunnan-liitto',
      ]);
    }
  }

  private checkPeople(): void {
    const byAadObjectId = new Map<string, Sourced<RegistryItems['people']>>();
    for (const entry of this.lists.people) {
      this.ref(entry, 'people', ['organisation'], entry.item.organisation, 'organisations');
      const aad = entry.item.aadObjectId?.toLowerCase();
      if (aad === undefined) continue;
      const first = byAadObjectId.get(aad);
      // One Entra identity as two people would make permissions ambiguous.
      if (first && first.item.id !== entry.item.id) {
        this.error(
          entry,
          'people',
          ['aadObjectId'],
          'REGISTRY_DUPLICATE_ID',
          `aadObjectId is also the one of person "${first.item.id}" (${first.file})`,
        );
      } else {
        byAadObjectId.set(aad, entry);
      }
    }
  }

  private checkInterfaces(): void {
    for (const entry of this.lists.interfaces) {
      this.ref(entry, 'interfaces', ['parent'], entry.item.parent, 'interfaces');
    }
    this.cycles('interfaces', this.catalogues.interfaces);
  }

  private checkResponsibilities(): void {
    for (const entry of this.lists.responsibilities) {
      const { item } = entry;
      const at = 'responsibilities';
      this.ref(entry, at, ['interface'], item.interface, 'interfaces');
      this.ref(entry, at, ['region'], item.region, 'regions');
      this.ref(entry, at, ['organisation'], item.organisation, 'organisations');
      this.ref(entry, at, ['person'], item.person, 'people');
      this.ref(entry, at, ['forum'], item.forum, 'forums');
      this.ref(entry, at, ['deputy'], item.deputy, 'people');
      item.municipalities?.forEach((code, index) =>
        this.municipality(entry, at, ['municipalities', index], code),
      );
      if (item.basis) {
        this.ref(entry, at, ['basis', 'agreement'], item.basis.agreement, 'agreements');
        const agreement = this.catalogues.agreements.get(item.basis.agreement)?.item;
        if (agreement && item.basis.clause !== undefined) this.clause(entry, agreement, item.basis.clause);
      }
    }
  }

  private clause(entry: Sourced<unknown>, agreement: Agreement, clause: string): void {
    if (agreement.clauses === undefined) return;
    const ids = agreement.clauses.map((c) => c.id);
    if (ids.includes(clause)) return;
    const suggestion = nearest(clause, ids);
    this.issues.error({
      code: 'REGISTRY_UNKNOWN_CLAUSE',
      file: entry.file,
      path: ['responsibilities', entry.index, 'basis', 'clause'],
      message: `agreement "${agreement.id}" has no clause "${clause}" (it has ${ids.map((id) => `"${id}"`).join(', ') || 'none'})`,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }

  private checkForums(): void {
    for (const entry of this.lists.forums) {
      const { item } = entry;
      this.ref(entry, 'forums', ['region'], item.region, 'regions');
      item.interfaces?.forEach((id, i) => this.ref(entry, 'forums', ['interfaces', i], id, 'interfaces'));
      this.ref(entry, 'forums', ['chair'], item.chair, 'people');
      item.secretaries.forEach((id, i) => this.ref(entry, 'forums', ['secretaries', i], id, 'people'));
      item.members.forEach((id, i) => this.ref(entry, 'forums', ['members', i], id, 'organisations'));
      item.digest?.indicators?.forEach((id, i) =>
        this.ref(entry, 'forums', ['digest', 'indicators', i], id, 'indicators'),
      );
      if (item.teams && item.teams.channelId === undefined && item.teams.conversationId === undefined) {
        this.warn(
          entry,
          'forums',
          ['teams'],
          'REGISTRY_INCONSISTENT',
          'teams has neither channelId nor conversationId, so nothing can be posted there',
        );
      }
    }
  }

  private checkMeetings(): void {
    for (const entry of this.lists.meetings) {
      const { item } = entry;
      this.ref(entry, 'meetings', ['forum'], item.forum, 'forums');
      if (Date.parse(item.end) <= Date.parse(item.start)) {
        this.error(
          entry,
          'meetings',
          ['end'],
          'REGISTRY_MEETING_TIMES',
          `the meeting ends (${item.end}) before it starts (${item.start})`,
        );
      }
    }
  }

  private checkAgreements(): void {
    for (const entry of this.lists.agreements) {
      const { item } = entry;
      item.parties.forEach((id, i) => this.ref(entry, 'agreements', ['parties', i], id, 'organisations'));
      const seen = new Set<string>();
      item.clauses?.forEach((clause, i) => {
        if (seen.has(clause.id)) {
          this.error(
            entry,
            'agreements',
            ['clauses', i, 'id'],
            'REGISTRY_DUPLICATE_ID',
            `duplicate clause id "${clause.id}" in agreement "${item.id}"`,
          );
        }
        seen.add(clause.id);
      });
    }
  }

  private checkGoals(): void {
    for (const entry of this.lists.goals) {
      this.ref(entry, 'goals', ['agreement'], entry.item.agreement, 'agreements');
      this.ref(entry, 'goals', ['interface'], entry.item.interface, 'interfaces');
      this.ref(entry, 'goals', ['indicator'], entry.item.indicator, 'indicators');
    }
  }

  private checkIndicators(): void {
    for (const entry of this.lists.indicators) {
      const { item } = entry;
      this.ref(entry, 'indicators', ['region'], item.region, 'regions');
      item.values.forEach((value, i) =>
        this.ref(entry, 'indicators', ['values', i, 'area'], value.area, 'organisations'),
      );
      if (item.source === 'sotkanet' && item.sotkanetId === undefined) {
        this.warn(
          entry,
          'indicators',
          ['sotkanetId'],
          'REGISTRY_INCONSISTENT',
          'a sotkanet indicator without sotkanetId can only show its snapshot values',
        );
      }
    }
  }

  /** A reference `id` at `field` of `entry` must name an item of `target` (of one of `kinds`). */
  private ref(
    entry: Sourced<unknown>,
    list: RegistryList,
    field: IssuePath,
    id: string | undefined,
    target: IdList,
    kinds?: readonly OrganisationKind[],
  ): void {
    if (id === undefined) return;
    const path = [list, entry.index, ...field];
    const found = this.catalogues[target].get(id);
    if (found) {
      if (kinds && target === 'organisations') this.kind(entry, path, found.item as Organisation, kinds);
      return;
    }
    // Already reported where it is defined; "unknown" here would only be noise.
    if (this.invalidIds[target].has(id)) return;
    const pool = kinds ? this.organisationIds(kinds) : [...this.catalogues[target].keys()];
    const suggestion = nearest(id, pool) ?? (kinds ? nearest(id, this.catalogues[target].keys()) : undefined);
    const elsewhere = ID_LISTS.find((other) => other !== target && this.catalogues[other].has(id));
    this.issues.error({
      code: 'REGISTRY_UNKNOWN_ID',
      file: entry.file,
      path,
      message: `unknown ${NOUN[target]} "${id}"${elsewhere ? ` ("${id}" is a ${NOUN[elsewhere]})` : ''}`,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }

  private kind(
    entry: Sourced<unknown>,
    path: IssuePath,
    organisation: Organisation,
    kinds: readonly OrganisationKind[],
  ): void {
    if (kinds.includes(organisation.kind)) return;
    const suggestion = nearest(organisation.id, this.organisationIds(kinds));
    this.issues.error({
      code: 'REGISTRY_WRONG_KIND',
      file: entry.file,
      path,
      message: `organisation "${organisation.id}" is of kind ${organisation.kind}; expected ${kinds.join(' or ')}`,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }

  private organisationIds(kinds: readonly OrganisationKind[]): string[] {
    return [...this.catalogues.organisations.values()]
      .filter((o) => kinds.includes(o.item.kind))
      .map((o) => o.item.id);
  }

  /** An unknown code is a warning: joint bodies may reach over the region's border (e.g. "508"). */
  private municipality(entry: Sourced<unknown>, list: RegistryList, field: IssuePath, code: string): void {
    if (this.kuntaCodes.has(code)) return;
    this.warn(
      entry,
      list,
      field,
      'REGISTRY_UNKNOWN_MUNICIPALITY',
      `municipality code "${code}" is not the code of any organisation of kind kunta in the registry`,
    );
  }

  private cycles<L extends 'interfaces' | 'organisations'>(
    list: L,
    byId: Map<string, Sourced<RegistryItems[L]>>,
  ): void {
    const reported = new Set<string>();
    for (const entry of this.lists[list]) {
      const start = entry.item.id;
      const chain = [start];
      let parent = entry.item.parent;
      while (parent !== undefined && parent !== start && !chain.includes(parent)) {
        chain.push(parent);
        parent = byId.get(parent)?.item.parent;
      }
      if (parent !== start || chain.some((id) => reported.has(id))) continue;
      chain.forEach((id) => reported.add(id));
      this.error(
        entry,
        list,
        ['parent'],
        'REGISTRY_CYCLE',
        `the parent chain goes round in a circle: ${[...chain, start].join(' → ')}`,
      );
    }
  }

  private error(
    entry: Sourced<unknown>,
    list: RegistryList,
    field: IssuePath,
    code: RegistryIssueCode,
    message: string,
  ): void {
    this.issues.error({ code, file: entry.file, path: [list, entry.index, ...field], message });
  }

  private warn(
    entry: Sourced<unknown>,
    list: RegistryList,
    field: IssuePath,
    code: RegistryIssueCode,
    message: string,
  ): void {
    this.issues.warn({ code, file: entry.file, path: [list, entry.index, ...field], message });
  }
}
