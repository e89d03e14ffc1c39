/**
 * The registry as the rest of the bot sees it: format version 1 of docs/REGISTRY-FORMAT.md after
 * loading, normalised (plain strings became `{ fi }`, omitted lists became empty where that means
 * the same thing). Objects may also carry fields users added; these types name only the known ones.
 */

export const ORGANISATION_KINDS = [
  'kunta',
  'hyvinvointialue',
  'maakunnan-liitto',
  'tyollisyysalue',
  'kela',
  'jarjesto',
  'oppilaitos',
  'valtio',
  'muu',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ['vastuutaho', 'koordinaattori', 'yhteyshenkilo', 'paattaja'] as const;
export type Role = (typeof ROLES)[number];

export const FORUM_KINDS = [
  'neuvottelukunta',
  'hyte-neuvottelu',
  'hva-neuvottelu',
  'tyoryhma',
  'verkosto',
  'muu',
] as const;
export type ForumKind = (typeof FORUM_KINDS)[number];

export const AGREEMENT_KINDS = ['strateginen', 'yhdyspinta', 'palvelu', 'muu'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const INDICATOR_SOURCES = ['sotkanet', 'statfin', 'manual'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const BETTER_DIRECTIONS = ['lower', 'higher', 'neither'] as const;
export type BetterDirection = (typeof BETTER_DIRECTIONS)[number];

export const TARGET_DIRECTIONS = ['up', 'down'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

export const SUPPORTED_VERSION = 1;
export const DEFAULT_TIME_ZONE = 'Europe/Helsinki';

/** `fi` is always there; a plain string in the file became `{ fi: string }`. */
export interface LocalisedText {
  readonly fi: string;
  readonly sv?: string;
  readonly en?: string;
}

/** Statistics Finland three-digit municipality code, e.g. `"179"`. */
export type MunicipalityCode = string;
/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 date and time with an offset, as written in the registry. */
export type IsoDateTime = string;

export interface Region {
  readonly id: string;
  readonly name: LocalisedText;
  /** Organisation id of kind `hyvinvointialue`. */
  readonly wellbeingCounty: string;
  /** Organisation id of kind `maakunnan-liitto`. */
  readonly regionalCouncil?: string;
}

export interface Organisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: LocalisedText;
  readonly shortName?: LocalisedText;
  readonly aliases: readonly string[];
  readonly region: string;
  /** Kind `kunta` only. */
  readonly code?: MunicipalityCode;
  /** Member municipalities of a joint body such as a `tyollisyysalue`; empty when none. */
  readonly municipalities: readonly MunicipalityCode[];
  readonly unit?: LocalisedText;
  readonly parent?: string;
  readonly description?: LocalisedText;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly title: LocalisedText;
  readonly organisation: string;
  readonly email?: string;
  /** Microsoft Entra object id, for permissions. */
  readonly aadObjectId?: string;
}

export interface InterfaceAliases {
  readonly fi: readonly string[];
  readonly sv: readonly string[];
  readonly en: readonly string[];
}

/** An interface area (yhdyspinta). */
export interface Interface {
  readonly id: string;
  readonly name: LocalisedText;
  /** A plain list in the file counts for every language. */
  readonly aliases: InterfaceAliases;
  readonly parent?: string;
  readonly description?: LocalisedText;
}

export interface ResponsibilityBasis {
  readonly agreement: string;
  readonly clause?: string;
}

/** A row of "for this interface, in this region, this organisation has this role". No id. */
export interface Responsibility {
  readonly interface: string;
  readonly region: string;
  /** Omitted: the whole region. */
  readonly municipalities?: readonly MunicipalityCode[];
  readonly organisation: string;
  readonly person?: string;
  readonly role: Role;
  readonly task?: LocalisedText;
  readonly forum?: string;
  readonly basis?: ResponsibilityBasis;
  readonly deputy?: string;
  readonly confirmed?: IsoDate;
  readonly validUntil?: IsoDate;
}

export interface ForumTeams {
  readonly tenantId?: string;
  readonly channelId?: string;
  readonly conversationId?: string;
}

export interface ForumDigest {
  readonly leadHours?: number;
  /** Omitted: all indicators of the region. */
  readonly indicators?: readonly string[];
}

export interface Forum {
  readonly id: string;
  readonly name: LocalisedText;
  readonly kind: ForumKind;
  readonly region: string;
  /** Omitted: all interfaces. */
  readonly interfaces?: readonly string[];
  readonly chair?: string;
  /** Person ids that may log decisions and actions. */
  readonly secretaries: readonly string[];
  /** Organisation ids. */
  readonly members: readonly string[];
  readonly teams?: ForumTeams;
  readonly digest?: ForumDigest;
}

export interface Meeting {
  readonly id: string;
  readonly forum: string;
  readonly title: LocalisedText;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  readonly location?: LocalisedText;
  readonly agenda: readonly LocalisedText[];
}

export interface AgreementClause {
  readonly id: string;
  readonly title?: LocalisedText;
}

export interface Agreement {
  readonly id: string;
  readonly title: LocalisedText;
  readonly kind: AgreementKind;
  /** Organisation ids. */
  readonly parties: readonly string[];
  readonly signed: IsoDate;
  readonly url?: string;
  /** Omitted: clause references to this agreement are not checked. */
  readonly clauses?: readonly AgreementClause[];
}

export interface GoalTarget {
  readonly value?: number;
  readonly by?: IsoDate;
  readonly direction?: TargetDirection;
}

export interface Goal {
  readonly id: string;
  readonly agreement: string;
  readonly title: LocalisedText;
  readonly interface: string;
  readonly indicator?: string;
  readonly target?: GoalTarget;
}

export interface IndicatorValue {
  /** Organisation id. */
  readonly area: string;
  readonly year: number;
  readonly value: number;
}

export interface Indicator {
  readonly id: string;
  readonly name: LocalisedText;
  readonly source: IndicatorSource;
  readonly sotkanetId?: number;
  readonly unit: string;
  readonly better: BetterDirection;
  readonly region?: string;
  /** Snapshot values, used when the source is unreachable. */
  readonly values: readonly IndicatorValue[];
}

export interface Registry {
  readonly version: typeof SUPPORTED_VERSION;
  readonly timeZone: string;
  readonly regions: readonly Region[];
  readonly organisations: readonly Organisation[];
  readonly people: readonly Person[];
  readonly interfaces: readonly Interface[];
  readonly responsibilities: readonly Responsibility[];
  readonly forums: readonly Forum[];
  readonly meetings: readonly Meeting[];
  readonly agreements: readonly Agreement[];
  readonly goals: readonly Goal[];
  readonly indicators: readonly Indicator[];
}

/** The top-level lists, in the order of the format description. */
export const REGISTRY_LISTS = [
  'regions',
  'organisations',
  'people',
  'interfaces',
  'responsibilities',
  'forums',
  'meetings',
  'agreements',
  'goals',
  'indicators',
] as const;
export type RegistryList = (typeof REGISTRY_LISTS)[number];

/** The element type of each top-level list. */
export interface RegistryItems {
  readonly regions: Region;
  readonly organisations: Organisation;
  readonly people: Person;
  readonly interfaces: Interface;
  readonly responsibilities: Responsibility;
  readonly forums: Forum;
  readonly meetings: Meeting;
  readonly agreements: Agreement;
  readonly goals: Goal;
  readonly indicators: Indicator;
}
