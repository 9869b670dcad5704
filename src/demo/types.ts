/** The shape of the demo data set; dates are relative so the calendar always looks current. */
import type { AgeGroup, Audience, Category, Gender, OrganisationKind, Registration, SpokenLanguage } from '../features/taxonomy/index.js';

export interface DemoDistrict {
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  /** Plain, easy Swedish: what the organisation does for newcomers. 2–4 short sentences. */
  description: string;
  website?: string;
  email?: string;
  phone?: string;
  contactName?: string;
  categories: Category[];
  /** District slugs where it is active. */
  districts: string[];
  trusted: boolean;
}

export interface DemoPlace {
  /** Key used by activities to refer to the place. */
  key: string;
  name: string;
  address: string;
  postalCode: string;
  district: string;
  latitude: number;
  longitude: number;
  stepFree: boolean;
  accessibility?: string;
  directions?: string;
}

export interface DemoSchedule {
  /** RRULE without DTSTART, e.g. 'FREQ=WEEKLY;BYDAY=TU'; null for a single date. */
  rrule: string | null;
  startTime: string;
  endTime: string;
  /**
   * Days from the Monday of the current week to the first date. Recurring activities
   * usually started long ago (e.g. -140); single dates lie ahead (0 to 40).
   */
  startOffsetDays: number;
  /** Summer break from midsummer to mid-August. */
  summerBreak?: boolean;
  /** Cancel the next occurrence from today with this note, e.g. 'Inställt – ledaren är sjuk'. */
  cancelNextWithNote?: string;
}

export interface DemoActivity {
  title: string;
  description: string;
  category: Category;
  audience: Audience;
  ageGroups: AgeGroup[];
  gender?: Gender;
  isFree: boolean;
  costText?: string;
  registration: Registration;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  /** Organisation slugs; the first is the main organiser. */
  hosts: string[];
  /** DemoPlace key. */
  place: string;
  /** Languages spoken besides Swedish. */
  languages: SpokenLanguage[];
  schedule: DemoSchedule;
}
