/** A translated text with its language marked, and the note that says where it came from. */
import { usePage } from '../../web/page.js';
import type { LocalText } from './translation.js';

/** Inline text in its own language; isolated so a right-to-left page cannot reorder it. */
export function TranslatedText(props: { value: LocalText }) {
  const { lang } = usePage();
  const v = props.value;
  return v.lang === lang.code ? <>{v.text}</> : <bdi lang={v.lang}>{v.text}</bdi>;
}

/** "Only in Swedish", "Translated by a computer" or "may be old": nothing when it is a current human translation. */
export function TranslationNote(props: { value: LocalText }) {
  const { t, lang } = usePage();
  const v = props.value;
  if (lang.code === 'sv') return null;
  const notes: string[] = [];
  if (v.lang === 'sv') notes.push(t('content.onlyInSwedish'));
  if (v.machine) notes.push(t('content.machineTranslated'));
  if (v.outdated) notes.push(t('content.outdated'));
  if (notes.length === 0) return null;
  return <p class="translation-note">{notes.join(' ')}</p>;
}
