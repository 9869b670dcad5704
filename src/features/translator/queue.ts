/**
 * The translators' queue: every Swedish text that has no version in a language, an outdated one,
 * or one a machine made that no person has checked; the most read first. Pure.
 */
import { sourceHash, type TranslatableEntity, type Translation } from '../translation/index.js';

export type QueueState = 'missing' | 'outdated' | 'machine';

export interface SourceText {
  entity: TranslatableEntity;
  entityId: number;
  field: string;
  /** What the item is called in the list (an activity's title, an organisation's or a place's name). */
  label: string;
  swedish: string;
  views: number;
}

export interface QueueItem extends SourceText {
  state: QueueState;
  existing: Translation | undefined;
}

const STATE_ORDER: Record<QueueState, number> = { missing: 0, outdated: 1, machine: 2 };

/** The state of one text in a language, or null when a person's translation is up to date. */
export function stateOf(swedish: string, existing: Translation | undefined): QueueState | null {
  if (!existing || existing.text.trim() === '') return 'missing';
  if (existing.sourceHash !== sourceHash(swedish)) return 'outdated';
  if (existing.source === 'machine') return 'machine';
  return null;
}

/** The queue: most viewed first, then missing before outdated before machine, then by label. */
export function buildQueue(sources: SourceText[], translations: Map<string, Translation>): QueueItem[] {
  const items: QueueItem[] = [];
  for (const s of sources) {
    if (s.swedish.trim() === '') continue;
    const existing = translations.get(`${s.entity}:${s.entityId}:${s.field}`);
    const state = stateOf(s.swedish, existing);
    if (state) items.push({ ...s, state, existing });
  }
  return items.sort((a, b) => b.views - a.views || STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.label.localeCompare(b.label, 'sv') || a.entityId - b.entityId);
}
