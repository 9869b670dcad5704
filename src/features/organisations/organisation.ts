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
  /** Changes with every save: the version an edit form was opened on. */
  updatedAt: string;
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

/** What an organisation's editors may change about it (not its address in the directory, trust or visibility). */
export type OrganisationProfile = Pick<OrganisationInput, 'name' | 'kind' | 'description' | 'website' | 'email' | 'phone' | 'contactName' | 'categories' | 'districtIds'>;

export interface OrganisationListFilter {
  category?: Category;
  district?: string;
  terms?: string[];
  limit?: number;
  offset?: number;
}
