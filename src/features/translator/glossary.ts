/**
 * The glossary: fixed terms and their agreed translations, so every translator writes "språkcafé"
 * the same way. These defaults are the starting point; translators change them in the glossary page.
 */
import { foldForSearch } from '../../web/text.js';

export interface GlossaryEntry {
  term: string;
  language: string;
  translation: string;
  note: string | null;
}

/** Agreed translations of the terms every text uses, per language (the note says what to keep). */
export const DEFAULT_GLOSSARY: Record<string, Record<string, string>> = {
  språkcafé: {
    en: 'language café',
    ar: 'مقهى اللغة',
    fa: 'کافه زبان',
    ti: 'ካፈ ቋንቋ',
    so: 'kafeega luqadda',
    uk: 'мовне кафе',
    ckb: 'کافێی زمان',
  },
  SFI: {
    en: 'SFI (Swedish for immigrants)',
    ar: 'SFI (اللغة السويدية للمهاجرين)',
    fa: 'SFI (زبان سوئدی برای مهاجران)',
    ti: 'SFI (ሽወድኛ ንስደተኛታት)',
    so: 'SFI (af-iswiidhish loogu talagalay soo-galootiga)',
    uk: 'SFI (шведська для іммігрантів)',
    ckb: 'SFI (سویدی بۆ کۆچبەران)',
  },
  fikakompis: {
    en: 'fika buddy',
    ar: 'رفيق الفيكا',
    fa: 'دوست فیکا',
    ti: 'መሓዛ ፊካ',
    so: 'saaxiib fika',
    uk: 'друг для фіки',
    ckb: 'هاوڕێی فیکا',
  },
  föreningslots: {
    en: 'association guide',
    ar: 'مرشد الجمعيات',
    fa: 'راهنمای انجمن‌ها',
    ti: 'መራሒ ማሕበራት',
    so: 'hagaha ururada',
    uk: 'провідник до об’єднань',
    ckb: 'ڕێنیشاندەری کۆمەڵەکان',
  },
  läxhjälp: {
    en: 'homework help',
    ar: 'المساعدة في الواجبات المدرسية',
    fa: 'کمک در تکالیف مدرسه',
    ti: 'ሓገዝ ዕዮ-ገዛ',
    so: 'caawinta casharrada guriga',
    uk: 'допомога з домашніми завданнями',
    ckb: 'یارمەتی ئەرکی قوتابخانە',
  },
  fika: {
    en: 'fika (coffee and a chat)',
    ar: 'فيكا (قهوة ودردشة)',
    fa: 'فیکا (قهوه و گپ)',
    ti: 'ፊካ (ቡንን ዕላልን)',
    so: 'fika (kafee iyo sheeko)',
    uk: 'фіка (кава й розмова)',
    ckb: 'فیکا (قاوە و قسەکردن)',
  },
};

/** The glossary of one language: stored entries over the defaults, sorted by term. */
export function mergeGlossary(language: string, stored: GlossaryEntry[]): GlossaryEntry[] {
  const out = new Map<string, GlossaryEntry>();
  for (const [term, byLanguage] of Object.entries(DEFAULT_GLOSSARY)) {
    const translation = byLanguage[language];
    if (translation) out.set(term, { term, language, translation, note: null });
  }
  for (const e of stored) if (e.language === language) out.set(e.term, e);
  return [...out.values()].sort((a, b) => a.term.localeCompare(b.term, 'sv'));
}

/** The glossary entries whose term occurs in a Swedish text (diacritics and case ignored). */
export function termsIn(swedish: string, glossary: GlossaryEntry[]): GlossaryEntry[] {
  const text = ` ${foldForSearch(swedish).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return glossary.filter((g) => {
    const term = foldForSearch(g.term).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    // A word start is enough: "språkcaféet", "språkcaféer" contain the term.
    return term !== '' && text.includes(` ${term}`);
  });
}
