/**
 * The activity form as typed, its checks, and the ActivityInput it becomes. Pure: the routes look
 * up what needs the database (the place exists, the co-host exists) themselves.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { field, ticked, values } from '../../web/form.js';
import { isIsoDate, isTime, isoWeekday } from '../../web/time.js';
import { WEEKDAYS, inputOf, validateSchedule, type ActivityDetail, type ActivityInput, type Recurrence, type Schedule, type Weekday } from '../calendar/index.js';
import { emptyPlaceForm, readPlaceForm, type PlaceForm, type PlaceInput } from '../places/index.js';
import {
  AGE_GROUPS,
  AUDIENCES,
  GENDERS,
  REGISTRATIONS,
  SPOKEN_LANGUAGES,
  isCategory,
  isOneOf,
  type ActivityStatus,
  type AgeGroup,
} from '../taxonomy/index.js';
import { isEmail, normaliseEmail } from '../accounts/index.js';

export const REPEATS = ['once', 'weekly', 'biweekly', 'monthly'] as const;
export type Repeat = (typeof REPEATS)[number];
/** Which weekday of the month a monthly activity meets on: 1st–4th or the last. */
export const MONTHLY_NTHS = ['1', '2', '3', '4', '-1'] as const;
/** How many months apart a monthly activity meets: every month, every other, quarterly, ... once a year. */
export const MONTHLY_INTERVALS = ['1', '2', '3', '4', '6', '12'] as const;

export const ACTIVITY_LIMITS = { title: 120, description: 4000, costText: 200, contactName: 100, contactPhone: 40, contactEmail: 254 } as const;

/** What the user typed, kept as typed so a form with errors shows it again. */
export interface ActivityForm {
  title: string;
  description: string;
  category: string;
  audience: string;
  ageGroups: string[];
  gender: string;
  isFree: boolean;
  costText: string;
  registration: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** '' for no place, a place id, or 'new' for the place fields below. */
  placeId: string;
  newPlace: PlaceForm;
  languages: string[];
  /** A second organisation that runs the activity together with this one ('' for none). */
  coHostId: string;
  repeat: string;
  startDate: string;
  startTime: string;
  endTime: string;
  weekdays: string[];
  monthlyNth: string;
  /** Months between meetings of a monthly activity ('1' every month, '3' quarterly). */
  monthlyInterval: string;
  validUntil: string;
  runsOnHolidays: boolean;
  /** The version the form was opened on; a different one at saving means someone else saved. */
  version: string;
}

export function emptyActivityForm(today: string): ActivityForm {
  return {
    title: '',
    description: '',
    category: '',
    audience: 'newcomers',
    ageGroups: [],
    gender: 'all',
    isFree: true,
    costText: '',
    registration: 'none',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    placeId: '',
    newPlace: emptyPlaceForm(),
    languages: [],
    coHostId: '',
    repeat: 'weekly',
    startDate: today,
    startTime: '',
    endTime: '',
    weekdays: [],
    monthlyNth: '1',
    monthlyInterval: '1',
    validUntil: '',
    runsOnHolidays: false,
    version: '',
  };
}

function repeatOf(r: Recurrence): { repeat: Repeat; weekdays: string[]; monthlyNth: string; monthlyInterval: string } {
  switch (r.kind) {
    case 'once':
      return { repeat: 'once', weekdays: [], monthlyNth: '1', monthlyInterval: '1' };
    case 'weekly':
      return { repeat: r.interval === 2 ? 'biweekly' : 'weekly', weekdays: [...r.weekdays], monthlyNth: '1', monthlyInterval: '1' };
    case 'monthly':
      return { repeat: 'monthly', weekdays: [], monthlyNth: String(r.nth), monthlyInterval: String(r.interval ?? 1) };
  }
}

/** The form filled with a stored activity (or the input of a waiting change), for editing. */
export function activityFormOf(from: ActivityInput | ActivityDetail, organisationId: number, version: string): ActivityForm {
  const a = 'hostIds' in from ? from : inputOf(from);
  const placeId = a.placeId;
  const coHost = a.hostIds.find((id) => id !== organisationId);
  return {
    title: a.title,
    description: a.description,
    category: a.category,
    audience: a.audience,
    ageGroups: [...a.ageGroups],
    gender: a.gender,
    isFree: a.isFree,
    costText: a.costText ?? '',
    registration: a.registration,
    contactName: a.contactName ?? '',
    contactPhone: a.contactPhone ?? '',
    contactEmail: a.contactEmail ?? '',
    placeId: placeId === null ? '' : String(placeId),
    newPlace: emptyPlaceForm(),
    languages: [...a.languages],
    coHostId: coHost === undefined ? '' : String(coHost),
    ...repeatOf(a.schedule.recurrence),
    startDate: a.schedule.startDate,
    startTime: a.schedule.startTime,
    endTime: a.schedule.endTime,
    validUntil: a.schedule.validUntil ?? '',
    runsOnHolidays: a.schedule.runsOnHolidays === true,
    version,
  };
}


export interface ReadActivityForm {
  form: ActivityForm;
  /** Catalogue keys by form field ('title', 'startTime', 'newPlace.name', ...). */
  errors: Record<string, string>;
  /** The input, when there are no errors; its placeId is null when `newPlace` is set. */
  input: ActivityInput | null;
  /** A place to create first, when the user chose "new place". */
  newPlace: PlaceInput | null;
}

/** A phone number as Swedes write it ("070-174 06 05"), or null when it is not a real number. */
export function normalisePhone(text: string): string | null {
  const parsed = parsePhoneNumberFromString(text, 'SE');
  if (!parsed || !parsed.isValid()) return null;
  return parsed.country === 'SE' ? parsed.formatNational() : parsed.formatInternational();
}

/**
 * Reads and checks an activity form body. `hostId` is the organisation whose workspace the form
 * belongs to; pauses, exceptions and per-date changes are not on the form and are carried over
 * from `keep` (the stored schedule) when given.
 */
export function readActivityForm(
  body: Record<string, unknown>,
  options: { hostId: number; status: ActivityStatus; keep?: Pick<Schedule, 'pauses' | 'exceptions' | 'changes'> },
): ReadActivityForm {
  const placeRead = readPlaceForm(body, 'newPlace');
  const form: ActivityForm = {
    title: field(body, 'title').trim(),
    description: field(body, 'description').replace(/\r\n?/g, '\n').trim(),
    category: field(body, 'category'),
    audience: field(body, 'audience'),
    ageGroups: values(body, 'ageGroups'),
    gender: field(body, 'gender') || 'all',
    isFree: field(body, 'isFree') !== 'false',
    costText: field(body, 'costText').trim(),
    registration: field(body, 'registration') || 'none',
    contactName: field(body, 'contactName').trim(),
    contactPhone: field(body, 'contactPhone').trim(),
    contactEmail: field(body, 'contactEmail').trim(),
    placeId: field(body, 'placeId'),
    newPlace: placeRead.form,
    languages: values(body, 'languages'),
    coHostId: field(body, 'coHostId'),
    repeat: field(body, 'repeat') || 'once',
    startDate: field(body, 'startDate').trim(),
    startTime: field(body, 'startTime').trim(),
    endTime: field(body, 'endTime').trim(),
    weekdays: values(body, 'weekdays'),
    monthlyNth: field(body, 'monthlyNth') || '1',
    monthlyInterval: field(body, 'monthlyInterval') || '1',
    validUntil: field(body, 'validUntil').trim(),
    runsOnHolidays: ticked(body, 'runsOnHolidays'),
    version: field(body, 'version'),
  };
  const errors: Record<string, string> = {};
  const e = (field: string, key: string) => {
    if (!errors[field]) errors[field] = `workspace.errors.${key}`;
  };

  if (form.title === '') e('title', 'titleRequired');
  else if (form.title.length > ACTIVITY_LIMITS.title) e('title', 'titleTooLong');
  if (form.description.length > ACTIVITY_LIMITS.description) e('description', 'descriptionTooLong');
  if (!isCategory(form.category)) e('category', 'categoryRequired');
  if (!isOneOf(AUDIENCES, form.audience)) e('audience', 'audienceRequired');
  if (!form.ageGroups.every((g) => isOneOf(AGE_GROUPS, g))) e('ageGroups', 'choiceInvalid');
  if (!isOneOf(GENDERS, form.gender)) e('gender', 'choiceInvalid');
  if (!isOneOf(REGISTRATIONS, form.registration)) e('registration', 'choiceInvalid');
  if (form.costText.length > ACTIVITY_LIMITS.costText) e('costText', 'costTextTooLong');
  if (form.contactName.length > ACTIVITY_LIMITS.contactName) e('contactName', 'contactNameTooLong');
  let contactPhone: string | null = null;
  if (form.contactPhone !== '') {
    contactPhone = form.contactPhone.length <= ACTIVITY_LIMITS.contactPhone ? normalisePhone(form.contactPhone) : null;
    if (contactPhone === null) e('contactPhone', 'phoneInvalid');
  }
  const contactEmail = form.contactEmail === '' ? null : normaliseEmail(form.contactEmail);
  if (contactEmail !== null && (contactEmail.length > ACTIVITY_LIMITS.contactEmail || !isEmail(contactEmail))) e('contactEmail', 'emailInvalid');
  if (!form.languages.every((l) => isOneOf(SPOKEN_LANGUAGES, l))) e('languages', 'choiceInvalid');

  let placeId: number | null = null;
  if (form.placeId === 'new') {
    for (const [field, key] of Object.entries(placeRead.errors)) errors[`newPlace.${field}`] = key;
  } else if (form.placeId !== '') {
    if (/^\d{1,9}$/.test(form.placeId)) placeId = Number(form.placeId);
    else e('placeId', 'choiceInvalid');
  }
  let coHostId: number | null = null;
  if (form.coHostId !== '') {
    if (/^\d{1,9}$/.test(form.coHostId) && Number(form.coHostId) !== options.hostId) coHostId = Number(form.coHostId);
    else e('coHostId', 'choiceInvalid');
  }

  // The schedule.
  let recurrence: Recurrence = { kind: 'once' };
  if (!isOneOf(REPEATS, form.repeat)) e('repeat', 'choiceInvalid');
  if (!isIsoDate(form.startDate)) e('startDate', form.startDate === '' ? 'dateRequired' : 'dateInvalid');
  if (!isTime(form.startTime)) e('startTime', form.startTime === '' ? 'timeRequired' : 'timeInvalid');
  if (!isTime(form.endTime)) e('endTime', form.endTime === '' ? 'timeRequired' : 'timeInvalid');
  if (isTime(form.startTime) && isTime(form.endTime) && form.endTime <= form.startTime) e('endTime', 'endBeforeStart');
  if (form.validUntil !== '' && !isIsoDate(form.validUntil)) e('validUntil', 'dateInvalid');
  else if (form.validUntil !== '' && isIsoDate(form.startDate) && form.validUntil < form.startDate) e('validUntil', 'untilBeforeStart');
  const startWeekday = isIsoDate(form.startDate) ? WEEKDAYS[isoWeekday(form.startDate) - 1]! : null;
  if (form.repeat === 'weekly' || form.repeat === 'biweekly') {
    if (!form.weekdays.every((d) => isOneOf(WEEKDAYS, d))) e('weekdays', 'choiceInvalid');
    const weekdays = (form.weekdays.length > 0 ? form.weekdays : startWeekday ? [startWeekday] : []) as Weekday[];
    recurrence = { kind: 'weekly', interval: form.repeat === 'biweekly' ? 2 : 1, weekdays: WEEKDAYS.filter((d) => weekdays.includes(d)) };
  } else if (form.repeat === 'monthly') {
    if (!isOneOf(MONTHLY_NTHS, form.monthlyNth)) e('monthlyNth', 'choiceInvalid');
    if (!isOneOf(MONTHLY_INTERVALS, form.monthlyInterval)) e('monthlyInterval', 'choiceInvalid');
    const interval = Number(form.monthlyInterval);
    if (startWeekday) recurrence = { kind: 'monthly', nth: Number(form.monthlyNth), weekday: startWeekday, ...(interval > 1 ? { interval } : {}) };
  }

  let newPlace: PlaceInput | null = null;
  if (form.placeId === 'new') newPlace = placeRead.input;
  if (Object.keys(errors).length > 0) return { form, errors, input: null, newPlace: null };

  const schedule: Schedule = {
    recurrence,
    startDate: form.startDate,
    startTime: form.startTime,
    endTime: form.endTime,
    validUntil: recurrence.kind === 'once' || form.validUntil === '' ? null : form.validUntil,
    pauses: options.keep?.pauses ?? [],
    exceptions: options.keep?.exceptions ?? [],
    changes: options.keep?.changes ?? [],
    runsOnHolidays: form.runsOnHolidays,
  };
  if (validateSchedule(schedule).length > 0) e('startDate', 'scheduleInvalid');
  if (Object.keys(errors).length > 0) return { form, errors, input: null, newPlace: null };

  return {
    form,
    errors,
    newPlace,
    input: {
      title: form.title,
      description: form.description,
      category: form.category as ActivityInput['category'],
      audience: form.audience as ActivityInput['audience'],
      ageGroups: AGE_GROUPS.filter((g) => form.ageGroups.includes(g)) as AgeGroup[],
      gender: form.gender as ActivityInput['gender'],
      isFree: form.isFree,
      costText: form.isFree || form.costText === '' ? null : form.costText,
      registration: form.registration as ActivityInput['registration'],
      contactName: form.contactName === '' ? null : form.contactName,
      contactPhone,
      contactEmail,
      placeId,
      status: options.status,
      hostIds: coHostId === null ? [options.hostId] : [options.hostId, coHostId],
      languages: SPOKEN_LANGUAGES.filter((l) => form.languages.includes(l)),
      schedule,
    },
  };
}
