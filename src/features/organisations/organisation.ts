/** Organisations: who runs the activities, and what they do for newcomers. */
import type { Category, OrganisationKind } from '../taxonomy/index.js';

export interface Organisation {
  id: number;
  slug: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  contactName: string | null;
  trusted: boolean;
  published: boolean;
  categories: Category[];
  districts: { slug: string; name: string }[];
}

export interface OrganisationInput {
  slug: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  contactName: string | null;
  trusted: boolean;
  published: boolean;
  categories: Category[];
  districtIds: number[];
}

export interface OrganisationListFilter {
  category?: Category;
  district?: string;
  terms?: string[];
  limit?: number;
  offset?: number;
}
