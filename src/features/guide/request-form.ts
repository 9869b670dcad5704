/** The "get help finding an association" form as typed, its checks, and the request it becomes. Pure. */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { field, ticked, values } from '../../web/form.js';
import { WEEKDAYS, type Weekday } from '../calendar/index.js';
import { isEmail, normaliseEmail } from '../accounts/index.js';
import { CATEGORY_CODES, SPOKEN_LANGUAGES, isOneOf, type Category } from '../taxonomy/index.js';
import { CASE_AGE_GROUPS, FREE_TIMES, type CaseAgeGroup, type CaseRequest, type FreeTime } from './case.js';
import { STAMP_FIELD } from './form-stamp.js';

/** Languages a guide can be asked to speak: Swedish and the languages activities are held in. */
export const CONTACT_LANGUAGES = ['sv', ...SPOKEN_LANGUAGES.filter((l) => l !== 'swl')] as const;

export const REQUEST_LIMITS = { firstName: 60, phone: 30, email: 254, interestText: 300, helperName: 100 } as const;

export interface RequestForm {
  firstName: string;
  phone: string;
  email: string;
  contactLanguage: string;
  ageGroup: string;
  districtId: string;
  interests: string[];
  interestText: string;
  freeDays: string[];
  freeTimes: string[];
  onBehalf: boolean;
  helperName: string;
  consent: boolean;
  /** The honeypot: people never see it, so anything in it came from a robot. */
  website: string;
  /** The time trap: when the form was drawn, signed by the server (form-stamp.ts). */
  stamp: string;
}

export function emptyRequestForm(language: string): RequestForm {
  return {
    firstName: '',
    phone: '',
    email: '',
    contactLanguage: (CONTACT_LANGUAGES as readonly string[]).includes(language) ? language : 'sv',
    ageGroup: 'adult',
    districtId: '',
    interests: [],
    interestText: '',
    freeDays: [],
    freeTimes: [],
    onBehalf: false,
    helperName: '',
    consent: false,
    website: '',
    stamp: '',
  };
}


/** A phone number in E.164 ('+46701740605'), Swedish numbers written the Swedish way included; null when not a real number. */
export function phoneE164(text: string): string | null {
  const parsed = parsePhoneNumberFromString(text, 'SE');
  return parsed && parsed.isValid() ? parsed.number : null;
}

export function readRequestForm(body: Record<string, unknown>): { form: RequestForm; errors: Record<string, string>; request: CaseRequest | null; spam: boolean } {
  const form: RequestForm = {
    firstName: field(body, 'firstName').trim(),
    phone: field(body, 'phone').trim(),
    email: field(body, 'email').trim(),
    contactLanguage: field(body, 'contactLanguage'),
    ageGroup: field(body, 'ageGroup'),
    districtId: field(body, 'districtId'),
    interests: values(body, 'interests'),
    interestText: field(body, 'interestText').trim(),
    freeDays: values(body, 'freeDays'),
    freeTimes: values(body, 'freeTimes'),
    onBehalf: ticked(body, 'onBehalf'),
    helperName: field(body, 'helperName').trim(),
    consent: ticked(body, 'consent'),
    website: field(body, 'website'),
    stamp: field(body, STAMP_FIELD).trim(),
  };
  const errors: Record<string, string> = {};
  const e = (field: string, key: string) => {
    if (!errors[field]) errors[field] = `guide.form.errors.${key}`;
  };
  if (form.firstName === '') e('firstName', 'firstNameRequired');
  else if (form.firstName.length > REQUEST_LIMITS.firstName) e('firstName', 'tooLong');
  let phone: string | null = null;
  if (form.phone !== '') {
    phone = form.phone.length <= REQUEST_LIMITS.phone ? phoneE164(form.phone) : null;
    if (phone === null) e('phone', 'phoneInvalid');
  }
  const email = form.email === '' ? null : normaliseEmail(form.email);
  if (email !== null && (email.length > REQUEST_LIMITS.email || !isEmail(email))) e('email', 'emailInvalid');
  if (form.phone === '' && form.email === '') e('phone', 'contactRequired');
  if (!isOneOf(CONTACT_LANGUAGES, form.contactLanguage)) e('contactLanguage', 'choiceInvalid');
  if (!isOneOf(CASE_AGE_GROUPS, form.ageGroup)) e('ageGroup', 'choiceInvalid');
  if (form.districtId !== '' && !/^\d{1,9}$/.test(form.districtId)) e('districtId', 'choiceInvalid');
  if (!form.interests.every((c) => isOneOf(CATEGORY_CODES, c))) e('interests', 'choiceInvalid');
  if (form.interests.length === 0 && form.interestText === '') e('interests', 'interestRequired');
  if (form.interestText.length > REQUEST_LIMITS.interestText) e('interestText', 'tooLong');
  if (!form.freeDays.every((d) => isOneOf(WEEKDAYS, d))) e('freeDays', 'choiceInvalid');
  if (!form.freeTimes.every((d) => isOneOf(FREE_TIMES, d))) e('freeTimes', 'choiceInvalid');
  if (form.helperName.length > REQUEST_LIMITS.helperName) e('helperName', 'tooLong');
  if (form.onBehalf && form.helperName === '') e('helperName', 'helperRequired');
  if (!form.consent) e('consent', 'consentRequired');
  const spam = form.website.trim() !== '';
  if (Object.keys(errors).length > 0) return { form, errors, request: null, spam };
  return {
    form,
    errors,
    spam,
    request: {
      firstName: form.firstName,
      phone,
      email,
      contactLanguage: form.contactLanguage,
      ageGroup: form.ageGroup as CaseAgeGroup,
      districtId: form.districtId === '' ? null : Number(form.districtId),
      interests: CATEGORY_CODES.filter((c) => form.interests.includes(c)) as Category[],
      interestText: form.interestText === '' ? null : form.interestText,
      freeDays: WEEKDAYS.filter((d) => form.freeDays.includes(d)) as Weekday[],
      freeTimes: FREE_TIMES.filter((t) => form.freeTimes.includes(t)) as FreeTime[],
      onBehalf: form.onBehalf,
      helperName: form.onBehalf ? form.helperName : null,
    },
  };
}
