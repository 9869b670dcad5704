/** The Swedish readability index LIX (läsbarhetsindex), used to nudge editors towards easy Swedish. */

export type LixLevel = 'very-easy' | 'easy' | 'medium' | 'hard' | 'very-hard';

export interface LixResult {
  /** words / sentences + 100 × longWords / words, rounded to one decimal; 0 for a text without words. */
  score: number;
  words: number;
  sentences: number;
  /** Words of more than 6 letters. */
  longWords: number;
  level: LixLevel;
}

/**
 * Descriptions whose LIX is at or above this (the start of 'hard') get a warning in the activity form,
 * suggesting shorter sentences and shorter words; see docs/easy-swedish.md.
 */
export const LIX_WARNING_THRESHOLD = 45;

/** The level of a LIX score: <25 very easy, 25–34 easy, 35–44 medium, 45–54 hard, ≥55 very hard. */
export function lixLevel(score: number): LixLevel {
  if (score < 25) return 'very-easy';
  if (score < 35) return 'easy';
  if (score < 45) return 'medium';
  if (score < 55) return 'hard';
  return 'very-hard';
}

/**
 * Links and e-mail addresses are not prose: their length says nothing about how hard the text is to
 * read, and their dots and colons are not sentence ends. Trailing punctuation stays in the text.
 */
const LINK = /(?:\bhttps?:\/\/|\bwww\.|[^\s@]+@)\S+?(?=[.,;:!?)\]"'”»]*(?:\s|$))/giu;

/** Closing quotes, brackets and emoji that may sit between a sentence end and the next space. */
const CLOSER = String.raw`[)\]}"'”’»\p{Pe}\p{Pf}\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]`;

/**
 * The text as a sequence of words, sentence ends and paragraph breaks. A word is a run of letters,
 * joined by hyphens, that does not touch a digit ("3B" and "18:00" are not words). A sentence end
 * is a run of . ! ? : followed by a space or the end of the text ("t.ex" and "18.30" are not ends).
 */
const TOKEN = new RegExp(
  [
    String.raw`(?<paragraph>\r?\n[^\S\r\n]*\r?\n)`,
    String.raw`(?<end>[.!?:]+)(?=${CLOSER}*(?:\s|$))`,
    String.raw`(?<word>(?<![\p{L}\p{M}\p{N}])\p{L}[\p{L}\p{M}]*(?:[-\u2010]\p{L}[\p{L}\p{M}]*)*(?![\p{L}\p{M}\p{N}]))`,
  ].join('|'),
  'gu',
);

const LETTER = /\p{L}/gu;

/**
 * Common Swedish abbreviations written without inner dots. Like "t.ex." (which has one), a dot after
 * them ends a sentence only when the next word starts with a capital: "kl. 18", "ca. 20 personer".
 */
const ABBREVIATIONS = new Set([
  'bl', 'ca', 'dvs', 'etc', 'ev', 'exkl', 'fr', 'inkl', 'jfr', 'kl', 'mm', 'nr', 'obs', 'osv', 'pga', 'resp', 'st', 'tel', 'tfn', 'tex', 'tom', 'vs',
]);

/** Whether the sentence-end mark `mark` at `index` is the dot of an abbreviation ("t.ex.", "kl."). */
function closesAbbreviation(text: string, index: number, mark: string, lastWord: { text: string; end: number } | undefined): boolean {
  if (mark !== '.' || !lastWord || lastWord.end !== index) return false;
  if (ABBREVIATIONS.has(lastWord.text.toLowerCase())) return true;
  // "t.ex.", "bl.a.", "o.s.v.": the word is directly preceded by letter + dot.
  const before = text.slice(0, index - lastWord.text.length);
  return /\p{L}\.$/u.test(before);
}

/**
 * The LIX of a Swedish text, with the counts it is computed from. Sentences end at . ! ? : and at a
 * blank line (a paragraph break, so a heading without a full stop is its own sentence); a last
 * sentence without an end still counts. Words have more than 6 letters to be long (hyphens are not
 * letters). Numbers, emoji, links and e-mail addresses are not words.
 */
export function lix(text: string): LixResult {
  const clean = text.normalize('NFC').replace(LINK, ' ');
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  let wordsInSentence = 0;
  /** Set after an abbreviation's dot: the sentence ends there only if a capital follows. */
  let afterAbbreviation = false;
  let lastWord: { text: string; end: number } | undefined;

  const endSentence = (): void => {
    if (wordsInSentence > 0) sentences++;
    wordsInSentence = 0;
    afterAbbreviation = false;
  };

  for (const match of clean.matchAll(TOKEN)) {
    const { paragraph, end, word } = match.groups ?? {};
    if (word !== undefined) {
      if (afterAbbreviation) {
        afterAbbreviation = false;
        if (word[0] !== word[0]?.toLowerCase()) endSentence();
      }
      words++;
      wordsInSentence++;
      if ((word.match(LETTER)?.length ?? 0) > 6) longWords++;
      lastWord = { text: word, end: match.index + word.length };
    } else if (end !== undefined) {
      if (closesAbbreviation(clean, match.index, end, lastWord)) afterAbbreviation = true;
      else endSentence();
    } else if (paragraph !== undefined) {
      endSentence();
    }
  }
  endSentence();

  if (words === 0) return { score: 0, words: 0, sentences: 0, longWords: 0, level: 'very-easy' };
  const score = Math.round((words / sentences + (100 * longWords) / words) * 10) / 10;
  return { score, words, sentences, longWords, level: lixLevel(score) };
}
