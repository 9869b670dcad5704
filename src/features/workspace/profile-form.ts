/** The organisation profile form as typed, its checks, and the profile it becomes. Pure. */
import { field, values } from '../../web/form.js';
import { CATEGORY_CODES, ORGANISATION_KINDS, isOneOf, type Category, type OrganisationKind } from '../taxonomy/index.js';
import type { Organisation, OrganisationProfile } from '../organisations/index.js';
import { isEmail, normaliseEmail } from '../accounts/index.js';
import { normalisePhone } from './activity-form.js';

export const PROFILE_LIMITS = { name: 120, description: 4000, website: 300, email: 254, phone: 40, contactName: 100 } as const;

export interface ProfileForm {
  name: string;
  kind: string;
  description: string;
  website: string;
  email: string;
  phone: string;
  contactName: string;
  categories: string[];
  districtIds: string[];
  version: string;
}

export function profileFormOf(o: Organisation | (OrganisationProfile & { updatedAt?: string }), districtIdOf: (slug: string) => number | undefined): ProfileForm {
  const districtIds = 'districtIds' in o ? o.districtIds : o.districts.map((d) => districtIdOf(d.slug)).filter((id): id is number => id !== undefined);
  return {
    name: o.name,
    kind: o.kind,
    description: o.description,
    website: o.website ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
    contactName: o.contactName ?? '',
    categories: [...o.categories],
    districtIds: districtIds.map(String),
    version: 'updatedAt' in o && o.updatedAt ? o.updatedAt : '',
  };
}


/** A web address people can follow: http(s) only, "www.example.se" gets https:// in front. */
export function normaliseWebsite(text: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname.includes('.')) return null;
    return url.toString();
  } catch {
    return null;
  }
}

export function readProfileForm(body: Record<string, unknown>): { form: ProfileForm; errors: Record<string, string>; profile: OrganisationProfile | null } {
  const form: ProfileForm = {
    name: field(body, 'name').trim(),
    kind: field(body, 'kind'),
    description: field(body, 'description').replace(/\r\n?/g, '\n').trim(),
    website: field(body, 'website').trim(),
    email: field(body, 'email').trim(),
    phone: field(body, 'phone').trim(),
    contactName: field(body, 'contactName').trim(),
    categories: values(body, 'categories'),
    districtIds: values(body, 'districtIds'),
    version: field(body, 'version'),
  };
  const errors: Record<string, string> = {};
  const e = (field: string, key: string) => {
    if (!errors[field]) errors[field] = `workspace.errors.${key}`;
  };
  if (form.name === '') e('name', 'nameRequired');
  else if (form.name.length > PROFILE_LIMITS.name) e('name', 'nameTooLong');
  if (!isOneOf(ORGANISATION_KINDS, form.kind)) e('kind', 'choiceInvalid');
  if (form.description.length > PROFILE_LIMITS.description) e('description', 'descriptionTooLong');
  let website: string | null = null;
  if (form.website !== '') {
    website = form.website.length <= PROFILE_LIMITS.website ? normaliseWebsite(form.website) : null;
    if (website === null) e('website', 'websiteInvalid');
  }
  const email = form.email === '' ? null : normaliseEmail(form.email);
  if (email !== null && (email.length > PROFILE_LIMITS.email || !isEmail(email))) e('email', 'emailInvalid');
  let phone: string | null = null;
  if (form.phone !== '') {
    phone = form.phone.length <= PROFILE_LIMITS.phone ? normalisePhone(form.phone) : null;
    if (phone === null) e('phone', 'phoneInvalid');
  }
  if (form.contactName.length > PROFILE_LIMITS.contactName) e('contactName', 'contactNameTooLong');
  if (!form.categories.every((c) => isOneOf(CATEGORY_CODES, c))) e('categories', 'choiceInvalid');
  if (!form.districtIds.every((d) => /^\d{1,9}$/.test(d))) e('districtIds', 'choiceInvalid');
  if (Object.keys(errors).length > 0) return { form, errors, profile: null };
  return {
    form,
    errors,
    profile: {
      name: form.name,
      kind: form.kind as OrganisationKind,
      description: form.description,
      website,
      email,
      phone,
      contactName: form.contactName === '' ? null : form.contactName,
      categories: CATEGORY_CODES.filter((c) => form.categories.includes(c)) as Category[],
      districtIds: form.districtIds.map(Number),
    },
  };
}
