/**
 * Table types as Kysely sees them (camelCase; CamelCasePlugin maps them to snake_case columns).
 * Booleans are 0/1 integers and instants ISO-8601 UTC strings so both dialects bind them alike.
 */
import type { Generated } from 'kysely';

type Id = Generated<number>;
/** 0 or 1: SQLite cannot bind booleans. */
export type Flag = number;

export interface DistrictTable {
  id: Id;
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface OrganisationTable {
  id: Id;
  slug: string;
  name: string;
  kind: string;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  contactName: string | null;
  trusted: Flag;
  published: Flag;
  searchText: string;
  createdAt: string;
  updatedAt: string;
}

export interface OrganisationCategoryTable {
  organisationId: number;
  category: string;
}

export interface OrganisationDistrictTable {
  organisationId: number;
  districtId: number;
}

export interface PlaceTable {
  id: Id;
  name: string;
  address: string;
  postalCode: string | null;
  city: string;
  districtId: number | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: string | null;
  stepFree: Flag;
  directions: string | null;
  createdAt: string;
}

export interface ActivityTable {
  id: Id;
  slug: string;
  title: string;
  description: string;
  category: string;
  audience: string;
  gender: string;
  isFree: Flag;
  costText: string | null;
  registration: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  placeId: number | null;
  status: string;
  searchText: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: Generated<number | null>;
  /** When the organisation last said it is still true (created, saved, imported or confirmed). */
  confirmedAt: string;
}

export interface ActivityHostTable {
  activityId: number;
  organisationId: number;
  position: number;
}

export interface ActivityAgeGroupTable {
  activityId: number;
  ageGroup: string;
}

export interface ActivityLanguageTable {
  activityId: number;
  language: string;
}

export interface ScheduleTable {
  activityId: number;
  /** RFC 5545 RRULE without DTSTART, or null for a single date. */
  rrule: string | null;
  /** First (or only) date, local to Europe/Stockholm, YYYY-MM-DD. */
  startDate: string;
  /** Local wall-clock times, HH:MM. */
  startTime: string;
  endTime: string;
  validUntil: string | null;
  runsOnHolidays: Flag;
}

export interface SchedulePauseTable {
  id: Id;
  activityId: number;
  fromDate: string;
  toDate: string;
  note: string | null;
}

export interface ScheduleExceptionTable {
  activityId: number;
  date: string;
}

export interface OccurrenceChangeTable {
  id: Id;
  activityId: number;
  /** The date the rule produces. */
  originalDate: string;
  /** 'cancelled' or 'moved'. */
  kind: string;
  newDate: string | null;
  newStartTime: string | null;
  newEndTime: string | null;
  note: string | null;
}

export interface OccurrenceTable {
  id: Id;
  activityId: number;
  localDate: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  /** 'scheduled', 'cancelled' or 'moved'. */
  status: string;
  originalDate: string;
  note: string | null;
}

export interface TranslationTable {
  id: Id;
  /** 'activity', 'organisation' or 'place'. */
  entity: string;
  entityId: number;
  field: string;
  language: string;
  text: string;
  /** 'human' or 'machine'. */
  source: string;
  translator: string | null;
  /** Hash of the Swedish text the translation was made from; a different hash now means outdated. */
  sourceHash: string;
  createdAt: string;
  updatedAt: string;
  /** The text folded for search (translated titles are searchable in their language). */
  searchText: Generated<string>;
}

export interface GlossaryTermTable {
  id: Id;
  /** The Swedish term, as written: 'språkcafé', 'SFI'. */
  term: string;
  language: string;
  translation: string;
  note: string | null;
  updatedAt: string;
  updatedBy: number | null;
}

export interface ViewCountTable {
  entity: string;
  entityId: number;
  views: number;
}

export interface UserTable {
  id: Id;
  /** Lower case. */
  email: string;
  name: string;
  passwordHash: string | null;
  isAdmin: Flag;
  isGuide: Flag;
  isTranslator: Flag;
  active: Flag;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface UserOrganisationTable {
  userId: number;
  organisationId: number;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a stolen database holds no usable session. */
  idHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent: string | null;
}

export interface AuthTokenTable {
  tokenHash: string;
  /** 'signin' or 'invite'. */
  purpose: string;
  userId: number;
  data: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface JobRunTable {
  name: string;
  leaseUntil: string | null;
  leasedBy: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastSuccessAt: string | null;
  lastDurationMs: number | null;
  lastResult: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failuresInRow: Generated<number>;
  runs: Generated<number>;
}

export interface CacheVersionTable {
  scope: string;
  version: number;
}

export interface RateLimitTable {
  key: string;
  windowStart: string;
  count: number;
}

export interface AuditEntryTable {
  id: Id;
  at: string;
  actorUserId: number | null;
  /** 'importer' or 'job' when no user acted; null for a user (or the system, in older entries). */
  actorKind: Generated<string | null>;
  /** The feed id of the importer, the job's name. */
  actorRef: Generated<string | null>;
  action: string;
  entity: string;
  entityId: number | null;
  before: string | null;
  after: string | null;
}

export interface OutboxTable {
  id: Id;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** Why it was sent: 'signin', 'invite', ... */
  purpose: string;
  createdAt: string;
  /** When the SMTP server accepted it; null for outbox-only messages and failures. */
  sentAt: string | null;
  /** 'smtp' or 'outbox' once delivered (or failed for good); 'queued' or 'sending' before. */
  transport: string;
  /** Delivery attempts so far (queued mail). */
  attempts: Generated<number>;
  /** When a queued message is tried (again); for 'sending', when its claim lapses. */
  nextAttemptAt: Generated<string | null>;
  /** Why sending failed, without credentials. */
  error: string | null;
  /** What the message is about, e.g. 'case:12', so erasing that erases the copy too; null for most mail. */
  subjectRef: Generated<string | null>;
}

export interface RevisionTable {
  id: Id;
  /** 'activity' or 'organisation'. */
  entity: string;
  /** The changed row; null for a suggested activity that does not exist yet. */
  entityId: number | null;
  organisationId: number | null;
  /** The proposed input as JSON. */
  data: string;
  /** The entity's updatedAt when the change was started: a different one now means someone else saved. */
  baseVersion: string | null;
  /** 'unconfirmed', 'pending', 'proposal', 'returned', 'approved', 'withdrawn', 'superseded'. */
  status: string;
  /** The coordinator's message when sending back, or a note with a proposal. */
  message: string | null;
  submitterName: string | null;
  submitterEmail: string | null;
  /** SHA-256 of the single-purpose link (proposal approval, suggestion confirmation). */
  tokenHash: string | null;
  tokenExpiresAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
}

export interface GuideCaseTable {
  id: Id;
  /** Short code the person is given: 'K7-4F2Q'. */
  reference: string;
  /** 'new', 'contacted', 'referred', 'joined', 'not_joined', 'unreachable', 'closed'. */
  status: string;
  firstName: string | null;
  /** E.164. */
  phone: string | null;
  email: string | null;
  interestText: string | null;
  /** Who filled the form in on the person's behalf (an SFI teacher), when someone did. */
  helperName: string | null;
  contactLanguage: string;
  /** 'adult', 'youth' or 'child'. */
  ageGroup: string;
  districtId: number | null;
  /** JSON array of category codes. */
  interests: string;
  /** JSON array of weekday codes (MO…SU). */
  freeDays: string;
  /** JSON array of 'daytime' | 'evening'. */
  freeTimes: string;
  onBehalf: Flag;
  /** How many requests were merged into this case (by a guide: the public form never merges). */
  requests: Generated<number>;
  /** The case a guide merged this one into; its personal data is then erased. */
  mergedInto: Generated<number | null>;
  assignedTo: number | null;
  followUpOn: string | null;
  remindedOn: string | null;
  firstContactAt: string | null;
  closedAt: string | null;
  /** 'joined', 'not_joined', 'unreachable' once closed. */
  outcome: string | null;
  erasedAt: string | null;
  consentAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface GuideNoteTable {
  id: Id;
  caseId: number;
  authorId: number | null;
  text: string;
  createdAt: string;
}

export interface GuideReferralTable {
  id: Id;
  caseId: number;
  activityId: number | null;
  organisationId: number | null;
  tokenHash: string | null;
  tokenExpiresAt: string | null;
  /** 'sent', 'welcomed', 'declined'. */
  status: string;
  answer: string | null;
  answeredAt: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface WishTable {
  id: Id;
  category: string | null;
  text: string | null;
  ageGroup: string;
  districtId: number | null;
  /** 'public' (the wish form) or 'case' (an interest from a guide case). */
  source: string;
  caseId: number | null;
  /** The wish this one was merged into by the coordinator. */
  mergedInto: number | null;
  servedByActivityId: number | null;
  /** 'pending' (from the public form, waiting for the coordinator), 'approved' (shown) or 'hidden'. */
  status: string;
  createdAt: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface CalendarFeedTable {
  id: Id;
  organisationId: number;
  /** The ICS address (http or https); it may hold a secret (Google's private address): never logged or mailed. */
  url: string;
  /** The category new activities from this feed get. */
  category: string;
  createdBy: number | null;
  createdAt: string;
  /** 0 once disconnected: no longer synced, its activities stay. */
  active: Generated<Flag>;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  /** Why the last sync failed, as JSON { code, params } (a catalogue key, no secrets). */
  lastError: string | null;
  /** What the last successful sync did and skipped, as JSON. */
  lastReport: string | null;
  consecutiveFailures: Generated<number>;
  /** When editors and the coordinator were last told it fails (at most once a day). */
  failureMailedAt: string | null;
  etag: string | null;
  lastModified: string | null;
  /** A sync holds the feed until then, so two never run on one feed at once. */
  lockedUntil: string | null;
}

export interface ImportedEventTable {
  id: Id;
  feedId: number;
  uid: string;
  /** '' for an event or series; a date for one date of an expanded series or a lone changed date. */
  recurrenceId: Generated<string>;
  /** Null when the activity was deleted here (it is then not imported again). */
  activityId: number | null;
  /** Fingerprint of what the feed said last time ('removed' once it left the feed). */
  lastHash: string;
  lastSeenAt: string;
  createdAt: string;
}

/** A volunteer role an organisation offers (fikakompis, mentor, ...), with what it asks and gives. */
export interface VolunteerRoleTable {
  id: Id;
  organisationId: number;
  /** 'fikakompis', 'mentor', 'homework', 'cafe_host' or 'other'. */
  kind: string;
  title: string;
  description: string;
  /** 'once', 'weekly', 'biweekly', 'monthly' or 'flexible'. */
  frequency: string;
  /** Hours each time, when said. */
  hours: number | null;
  /** For at least this many months, when said. */
  minMonths: number | null;
  /** How much Swedish the volunteer needs: 'fluent', 'some' or 'none'. */
  swedish: string;
  /** JSON array of language codes that help. */
  languages: string;
  /** JSON array of what the volunteer gets ('training', 'reference', ...). */
  benefits: string;
  districtId: number | null;
  /** Where sign-ups are sent (the organisation's contact for this role). */
  contactEmail: string;
  /** 'open' or 'closed'. */
  status: string;
  createdAt: string;
  updatedAt: string;
}

/** A named recruitment drive of the coordinator's; sign-ups from its posters carry its slug. */
export interface VolunteerCampaignTable {
  id: Id;
  slug: string;
  name: string;
  createdBy: number | null;
  createdAt: string;
}

/** One volunteer's sign-up for a role: forwarded to the organisation, its personal fields emptied later. */
export interface VolunteerSignupTable {
  id: Id;
  roleId: number | null;
  organisationId: number | null;
  campaignId: number | null;
  /** The role's kind when signed up (counts survive a deleted role). */
  kind: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  message: string | null;
  /** The language of the page the volunteer signed up on (their confirmation is in it). */
  language: string;
  forwardedAt: string | null;
  forwardAttempts: Generated<number>;
  erasedAt: string | null;
  createdAt: string;
}

/** A part of the mailing list the coordinator sends to. */
export interface MailingSegmentTable {
  id: Id;
  /** 'language_cafes', 'organisations' (of `organisationKind`), 'network', 'volunteers' or 'custom'. */
  audience: string;
  organisationKind: string | null;
  name: string;
  description: string;
  /** Sent messages are shown in the public archive. */
  publicArchive: Flag;
  /** Offered on the public subscribe form. */
  openSignup: Flag;
  createdAt: string;
  updatedAt: string;
}

/** An address that confirmed its subscription (double opt-in). Deleted when it leaves. */
export interface MailingSubscriberTable {
  id: Id;
  /** Lower case. */
  email: string;
  name: string | null;
  language: string;
  /** 'active' or 'paused' (too many failed deliveries in a row). */
  status: string;
  failures: Generated<number>;
  /** Why the last delivery failed (no credentials). */
  lastFailure: string | null;
  pausedAt: string | null;
  confirmedAt: string;
  createdAt: string;
}

export interface MailingMembershipTable {
  subscriberId: number;
  segmentId: number;
  createdAt: string;
}

/** A subscription waiting for its confirmation link (48 hours), then deleted either way. */
export interface MailingRequestTable {
  id: Id;
  email: string;
  name: string | null;
  language: string;
  /** JSON array of segment ids. */
  segmentIds: string;
  /** 'form' or 'editor' (the coordinator invited an organisation's editors). */
  source: string;
  tokenHash: string;
  expiresAt: string;
  createdAt: string;
}

/** A message to one segment: a draft, being sent in batches, or sent. */
export interface MailingMessageTable {
  id: Id;
  segmentId: number | null;
  /** JSON object: language code → { subject, body }; 'sv' always. */
  texts: string;
  /** 'draft', 'sending' or 'sent'. */
  status: string;
  recipients: Generated<number>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  queuedAt: string | null;
  finishedAt: string | null;
}

/** One recipient of one message: recorded before and after sending, so nobody gets it twice. */
export interface MailingDeliveryTable {
  id: Id;
  messageId: number;
  subscriberId: number | null;
  /** 'queued', 'sending', 'sent', 'failed', 'unknown' (interrupted mid-send: not sent again) or 'skipped'. */
  status: string;
  attempts: Generated<number>;
  claimedAt: string | null;
  sentAt: string | null;
}

/** A keyed hash of an address that left the list, and when: nothing else of it is kept. */
export interface MailingSuppressionTable {
  emailHash: string;
  leftAt: string;
}

/** Sign-up settings of one dated occurrence (events with sign-up): capacity, deadline, questions. */
export interface EventSettingsTable {
  activityId: number;
  /** The date the schedule gives the occurrence (a moved date keeps its original here). */
  localDate: string;
  /** Places; null: no limit. */
  capacity: number | null;
  /** Local date and time (Europe/Stockholm) after which nobody can sign up; null: when the event starts. */
  deadlineDate: string | null;
  deadlineTime: string | null;
  /** 'off', 'optional' or 'required'. */
  askOrganisation: Generated<string>;
  askDiet: Generated<string>;
  askAccessibility: Generated<string>;
  /** The organiser's note shown on the form and in the confirmation. */
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One person's sign-up for one dated occurrence; personal fields emptied some days after the event. */
export interface EventSignupTable {
  id: Id;
  activityId: number;
  localDate: string;
  /** 'confirmed', 'waiting' or 'cancelled'. */
  status: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  organisation: string | null;
  diet: string | null;
  accessibility: string | null;
  /** The language of the page signed up on: the mails are in it. */
  language: string;
  /** A keyed hash of the e-mail for this activity, kept after erasure to count returning attendees. */
  attendeeKey: string;
  createdAt: string;
  promotedAt: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
  remindedAt: string | null;
  erasedAt: string | null;
}

/** A single-use cancel link of a sign-up, stored as the SHA-256 hash of its secret. */
/** One "still true?" mail to an organisation: the activities it listed and its single-use link (SHA-256 only). */
export interface FreshnessReminderTable {
  id: Id;
  organisationId: number;
  /** 'YYYY-MM' (Stockholm) of the monthly job's mail; null when the coordinator sent it. */
  month: string | null;
  /** JSON array of the activity ids the mail listed. */
  activityIds: string;
  tokenHash: string;
  expiresAt: string;
  usedAt: string | null;
  sentBy: number | null;
  createdAt: string;
}

export interface EventCancelTokenTable {
  tokenHash: string;
  signupId: number;
  createdAt: string;
}

/** A person at an organisation the guides reach about integration (guides and the coordinator only). */
export interface AssociationContactTable {
  id: Id;
  organisationId: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  /** The best way and time to reach them, as the guide writes it. */
  reach: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A visit, meeting or call between the guide team and an organisation. */
export interface AssociationVisitTable {
  id: Id;
  organisationId: number;
  visitDate: string;
  /** 'visit', 'meeting', 'phone' or 'other'. */
  kind: string;
  /** Who of the guide team met them. */
  guideId: number | null;
  note: string;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** What the guides last heard of an organisation's needs: one row per flag ('welcomesNewcomers', 'hasRoom', 'needsVolunteers', 'needsParticipants'). */
export interface AssociationFlagTable {
  organisationId: number;
  flag: string;
  /** 'yes', 'no' or 'unknown'. */
  value: string;
  setBy: number | null;
  setAt: string;
}

/** An activity that shows a need of its organisation publicly ('volunteers' or 'participants') while the flag says yes. */
export interface ActivityPublicNeedTable {
  activityId: number;
  need: string;
  createdBy: number | null;
  createdAt: string;
}

/**
 * An organisation asking to join the network: 'unconfirmed' until its contact uses the e-mail link
 * (48 hours, only the link's SHA-256 stored), then 'confirmed' until the coordinator decides and the
 * row is deleted.
 */
export interface JoinRequestTable {
  id: Id;
  name: string;
  kind: string;
  description: string;
  website: string | null;
  contactName: string;
  email: string;
  phone: string | null;
  /** JSON array of district ids. */
  districtIds: string;
  showInDirectory: Generated<Flag>;
  language: string;
  status: string;
  tokenHash: string | null;
  expiresAt: string | null;
  confirmedAt: string | null;
  createdAt: string;
}

/** A yearly mapping survey round (kartläggning) with the questions it asks. */
export interface SurveyRoundTable {
  id: Id;
  year: number;
  title: string;
  /** JSON array of the questions asked (key, kind, options), in order. */
  questions: string;
  /** 'open' or 'closed'. */
  status: string;
  createdBy: number | null;
  /** When reminders were last sent to the editors of organisations that had not answered. */
  remindedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One organisation's answers to one round: a draft or submitted; `revision` grows with each save. */
export interface SurveyResponseTable {
  id: Id;
  roundId: number;
  organisationId: number;
  /** 'draft' or 'submitted'. */
  status: string;
  revision: Generated<number>;
  /** The coordinator's name when the answers were filled in during a mapping talk. */
  talkWith: string | null;
  talkedAt: string | null;
  updatedBy: number | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One answer of a response, with its own consent to be shown in the public report. */
export interface SurveyAnswerTable {
  responseId: number;
  question: string;
  /** JSON: the text as a string, or the options chosen as an array. */
  value: string;
  /** The text of "other" when that option was chosen. */
  other: string | null;
  public: Generated<Flag>;
}

export interface Database {
  districts: DistrictTable;
  organisations: OrganisationTable;
  organisationCategories: OrganisationCategoryTable;
  organisationDistricts: OrganisationDistrictTable;
  places: PlaceTable;
  activities: ActivityTable;
  activityHosts: ActivityHostTable;
  activityAgeGroups: ActivityAgeGroupTable;
  activityLanguages: ActivityLanguageTable;
  schedules: ScheduleTable;
  schedulePauses: SchedulePauseTable;
  scheduleExceptions: ScheduleExceptionTable;
  occurrenceChanges: OccurrenceChangeTable;
  occurrences: OccurrenceTable;
  settings: SettingTable;
  translations: TranslationTable;
  users: UserTable;
  userOrganisations: UserOrganisationTable;
  sessions: SessionTable;
  authTokens: AuthTokenTable;
  rateLimits: RateLimitTable;
  jobRuns: JobRunTable;
  cacheVersions: CacheVersionTable;
  auditEntries: AuditEntryTable;
  outbox: OutboxTable;
  revisions: RevisionTable;
  calendarFeeds: CalendarFeedTable;
  importedEvents: ImportedEventTable;
  glossaryTerms: GlossaryTermTable;
  viewCounts: ViewCountTable;
  guideCases: GuideCaseTable;
  guideNotes: GuideNoteTable;
  guideReferrals: GuideReferralTable;
  wishes: WishTable;
  eventSettings: EventSettingsTable;
  eventSignups: EventSignupTable;
  eventCancelTokens: EventCancelTokenTable;
  freshnessReminders: FreshnessReminderTable;
  volunteerRoles: VolunteerRoleTable;
  volunteerCampaigns: VolunteerCampaignTable;
  volunteerSignups: VolunteerSignupTable;
  mailingSegments: MailingSegmentTable;
  mailingSubscribers: MailingSubscriberTable;
  mailingMemberships: MailingMembershipTable;
  mailingRequests: MailingRequestTable;
  mailingMessages: MailingMessageTable;
  mailingDeliveries: MailingDeliveryTable;
  mailingSuppressions: MailingSuppressionTable;
  surveyRounds: SurveyRoundTable;
  surveyResponses: SurveyResponseTable;
  surveyAnswers: SurveyAnswerTable;
  joinRequests: JoinRequestTable;
  associationContacts: AssociationContactTable;
  associationVisits: AssociationVisitTable;
  associationFlags: AssociationFlagTable;
  activityPublicNeeds: ActivityPublicNeedTable;
}

