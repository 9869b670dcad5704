/** The place form as typed (strings and a checkbox), its checks, and the PlaceInput it becomes. */
import type { Place, PlaceInput } from './place.js';

/** What the user typed into the place fields, kept as typed so a form with errors shows it again. */
export interface PlaceForm {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  /** A district id as text, or '' for none. */
  districtId: string;
  latitude: string;
  longitude: string;
  accessibility: string;
  stepFree: boolean;
  directions: string;
}

/** The city new places lie in unless the user says otherwise. */
export const DEFAULT_CITY = 'Örebro';

export const PLACE_LIMITS = { name: 200, address: 200, city: 100, accessibility: 1000, directions: 1000 } as const;

export function emptyPlaceForm(): PlaceForm {
  return {
    name: '',
    address: '',
    postalCode: '',
    city: DEFAULT_CITY,
    districtId: '',
    latitude: '',
    longitude: '',
    accessibility: '',
    stepFree: false,
    directions: '',
  };
}

/** The form filled with a stored place (for the edit form). */
export function placeFormOf(p: Omit<Place, 'district'> & { districtId?: number | null }): PlaceForm {
  return {
    name: p.name,
    address: p.address,
    postalCode: p.postalCode ?? '',
    city: p.city,
    districtId: p.districtId === undefined || p.districtId === null ? '' : String(p.districtId),
    latitude: p.latitude === null ? '' : String(p.latitude),
    longitude: p.longitude === null ? '' : String(p.longitude),
    accessibility: p.accessibility ?? '',
    stepFree: p.stepFree,
    directions: p.directions ?? '',
  };
}

/** The body field name for a form field: fieldName('newPlace', 'name') → 'newPlace.name'. */
export function placeFieldName(prefix: string, field: keyof PlaceForm): string {
  if (prefix === '') return field;
  return prefix.endsWith('.') ? prefix + field : `${prefix}.${field}`;
}

const TEXT_FIELDS = ['name', 'address', 'postalCode', 'city', 'districtId', 'latitude', 'longitude', 'accessibility', 'directions'] as const;

function stringOf(value: unknown): string {
  if (Array.isArray(value)) return stringOf(value[0]);
  return typeof value === 'string' ? value : '';
}

/** '59,2741' / '59.2741' / '−15.2' → a number; null when it is not a plain decimal. */
function parseDecimal(text: string): number | null {
  const s = text.replace(/\u2212/g, '-').replace(',', '.');
  if (!/^[-+]?\d{1,3}(\.\d{1,12})?$/.test(s)) return null;
  return Number(s);
}

/**
 * Reads and checks the place fields of a form body. `prefix` ('' or e.g. 'newPlace') selects
 * fields named `newPlace.name` etc. `errors` is keyed by PlaceForm field (without the prefix) and
 * holds catalogue keys; `input` is null whenever there is an error. Whether the district exists is
 * the caller's check (it needs the database).
 */
export function readPlaceForm(
  body: Record<string, unknown>,
  prefix = '',
): { form: PlaceForm; errors: Record<string, string>; input: PlaceInput | null } {
  const raw = {} as Record<(typeof TEXT_FIELDS)[number], string>;
  for (const f of TEXT_FIELDS) raw[f] = stringOf(body[placeFieldName(prefix, f)]).trim();
  const stepFreeValue = stringOf(body[placeFieldName(prefix, 'stepFree')]);
  const form: PlaceForm = { ...raw, stepFree: stepFreeValue === 'true' || stepFreeValue === 'on' || stepFreeValue === '1' };
  const errors: Record<string, string> = {};

  if (form.name === '') errors.name = 'places.errors.nameRequired';
  else if (form.name.length > PLACE_LIMITS.name) errors.name = 'places.errors.nameTooLong';
  if (form.address === '') errors.address = 'places.errors.addressRequired';
  else if (form.address.length > PLACE_LIMITS.address) errors.address = 'places.errors.addressTooLong';

  let postalCode: string | null = null;
  if (form.postalCode !== '') {
    const m = /^(\d{3}) ?(\d{2})$/.exec(form.postalCode);
    if (m) postalCode = `${m[1]} ${m[2]}`;
    else errors.postalCode = 'places.errors.postalCodeInvalid';
  }

  const city = form.city === '' ? DEFAULT_CITY : form.city;
  if (city.length > PLACE_LIMITS.city) errors.city = 'places.errors.cityTooLong';

  let districtId: number | null = null;
  if (form.districtId !== '') {
    if (/^\d{1,9}$/.test(form.districtId) && Number(form.districtId) > 0) districtId = Number(form.districtId);
    else errors.districtId = 'places.errors.districtInvalid';
  }

  let latitude: number | null = null;
  let longitude: number | null = null;
  if (form.latitude !== '') {
    latitude = parseDecimal(form.latitude);
    if (latitude === null || latitude < -90 || latitude > 90) errors.latitude = 'places.errors.latitudeInvalid';
  }
  if (form.longitude !== '') {
    longitude = parseDecimal(form.longitude);
    if (longitude === null || longitude < -180 || longitude > 180) errors.longitude = 'places.errors.longitudeInvalid';
  }
  if (form.latitude !== '' && form.longitude === '') errors.longitude = 'places.errors.coordinatesBoth';
  if (form.latitude === '' && form.longitude !== '') errors.latitude = 'places.errors.coordinatesBoth';

  if (form.accessibility.length > PLACE_LIMITS.accessibility) errors.accessibility = 'places.errors.accessibilityTooLong';
  if (form.directions.length > PLACE_LIMITS.directions) errors.directions = 'places.errors.directionsTooLong';

  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  return {
    form,
    errors,
    input: {
      name: form.name,
      address: form.address,
      postalCode,
      city,
      districtId,
      latitude,
      longitude,
      accessibility: form.accessibility === '' ? null : form.accessibility,
      stepFree: form.stepFree,
      directions: form.directions === '' ? null : form.directions,
    },
  };
}
