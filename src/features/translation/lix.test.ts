import { describe, expect, it } from 'vitest';
import { LIX_WARNING_THRESHOLD, lix, lixLevel } from './lix.js';

// LIX = words / sentences + 100 × longWords / words, long = more than 6 letters.
// Every expected value below is counted by hand; long words are marked with their letter count.

describe('lix on real Swedish texts', () => {
  it('scores a short, friendly language café text as easy', () => {
    // Välkommen(9) till vårt språkcafé(9)! | Här kan du prata svenska(7) med andra. | Det kostar ingenting(9).
    // words 4 + 7 + 3 = 14, sentences 3, long 4
    // 14 / 3 + 100 × 4 / 14 = 4.667 + 28.571 = 33.238 → 33.2
    expect(lix('Välkommen till vårt språkcafé! Här kan du prata svenska med andra. Det kostar ingenting.')).toEqual({
      score: 33.2,
      words: 14,
      sentences: 3,
      longWords: 4,
      level: 'easy',
    });
  });

  it('scores an official-sounding homework help text as very hard', () => {
    // One sentence of 27 words; long: Föreningen(10) erbjuder(8) läxhjälp(8) ungdomar(8) årskurserna(11)
    // samarbete(9) Studieförbundet(15) Vuxenskolan(11) förutsättning(13) tillräckligt(12) deltagare(9)
    // anmäler(7) = 12 (förväg has 6 letters: not long)
    // 27 / 1 + 100 × 12 / 27 = 27 + 44.444 = 71.444 → 71.4
    const text =
      'Föreningen erbjuder läxhjälp för barn och ungdomar i årskurserna fyra till nio, i samarbete med ' +
      'Studieförbundet Vuxenskolan, under förutsättning att tillräckligt många deltagare anmäler sig i förväg.';
    expect(lix(text)).toEqual({ score: 71.4, words: 27, sentences: 1, longWords: 12, level: 'very-hard' });
  });

  it('scores the same homework help rewritten in easy Swedish as very easy', () => {
    // Vi hjälper(7) barn med läxor. | Barnen går i årskurs(7) 4 till 9. | Det är gratis. | Anmäl dig till Sara.
    // words 5 + 5 + 3 + 4 = 17 (4 and 9 are numbers), sentences 4, long 2 (Barnen has 6 letters)
    // 17 / 4 + 100 × 2 / 17 = 4.25 + 11.765 = 16.015 → 16
    expect(lix('Vi hjälper barn med läxor. Barnen går i årskurs 4 till 9. Det är gratis. Anmäl dig till Sara.')).toEqual({
      score: 16,
      words: 17,
      sentences: 4,
      longWords: 2,
      level: 'very-easy',
    });
  });

  it('gives exactly the warning threshold for 20 words in one sentence with 5 long', () => {
    // long: träffas(7) biblioteket(11) svenska(7) varandra(8) familjer(8); Örebro has 6 letters
    // 20 / 1 + 100 × 5 / 20 = 20 + 25 = 45
    const result = lix(
      'Vi träffas varje tisdag på biblioteket och pratar svenska med varandra om mat, väder, jobb, skola och familjer i Örebro.',
    );
    expect(result).toMatchObject({ score: 45, words: 20, sentences: 1, longWords: 5, level: 'hard' });
    expect(result.score).toBeGreaterThanOrEqual(LIX_WARNING_THRESHOLD);
  });
});

describe('lix sentence ends', () => {
  it('ends a sentence at a colon and at a blank line, not at a single line break', () => {
    // Tid: | tisdagar(8) 18–20 ¶ | Plats: | Vivalla(7) bibliotek(9)
    // words 5, sentences 4, long 3: 5 / 4 + 100 × 3 / 5 = 1.25 + 60 = 61.25 → 61.3
    expect(lix('Tid: tisdagar 18–20\n\nPlats: Vivalla bibliotek')).toEqual({
      score: 61.3,
      words: 5,
      sentences: 4,
      longWords: 3,
      level: 'very-hard',
    });
    // Språkcafé(9) Varje tisdag: 3 words, 1 long. One sentence: 3 + 33.333 = 36.3; two: 1.5 + 33.333 = 34.8
    expect(lix('Språkcafé\nVarje tisdag')).toMatchObject({ sentences: 1, score: 36.3 });
    expect(lix('Språkcafé\r\n\r\nVarje tisdag')).toMatchObject({ sentences: 2, score: 34.8 });
  });

  it('counts "?!" and "..." as one end each', () => {
    // Vill du vara med?! | Kom då... | Vi väntar. → 8 words, 3 sentences, no long: 8 / 3 = 2.667 → 2.7
    expect(lix('Vill du vara med?! Kom då... Vi väntar.')).toEqual({ score: 2.7, words: 8, sentences: 3, longWords: 0, level: 'very-easy' });
  });

  it('does not end a sentence at the dots of "t.ex." or "kl." before a lower-case word or a number', () => {
    // Ta med t ex en penna. | Vi börjar kl 18. → words 6 + 3 = 9 (t.ex. is two runs of letters), 2 sentences
    // 9 / 2 + 0 = 4.5
    expect(lix('Ta med t.ex. en penna. Vi börjar kl. 18.')).toEqual({ score: 4.5, words: 9, sentences: 2, longWords: 0, level: 'very-easy' });
  });

  it('ends a sentence after an abbreviation when a capital follows, or the text ends', () => {
    // Vi pratar om mat, musik osv. | Alla är välkomna(8). → 9 words, 2 sentences, 1 long
    // 9 / 2 + 100 × 1 / 9 = 4.5 + 11.111 = 15.6
    expect(lix('Vi pratar om mat, musik osv. Alla är välkomna.')).toMatchObject({ score: 15.6, sentences: 2 });
    // Vi spelar fotboll(7), basket o s v. → 7 words, 1 sentence, 1 long: 7 + 14.286 = 21.3
    expect(lix('Vi spelar fotboll, basket o.s.v.')).toMatchObject({ score: 21.3, words: 7, sentences: 1 });
  });

  it('counts a last sentence without a full stop', () => {
    expect(lix('Välkomna')).toEqual({ score: 101, words: 1, sentences: 1, longWords: 1, level: 'very-hard' });
  });
});

describe('lix words', () => {
  it('ignores emoji, also between a sentence end and the next word', () => {
    // Välkomna(8) alla! | Vi fikar tillsammans(11). → 5 words, 2 sentences, 2 long
    // 5 / 2 + 100 × 2 / 5 = 2.5 + 40 = 42.5
    expect(lix('Välkomna alla! 😊🎉 Vi fikar 👋🏽 tillsammans.')).toEqual({ score: 42.5, words: 5, sentences: 2, longWords: 2, level: 'medium' });
    expect(lix('Välkomna alla!😊 Vi fikar tillsammans.')).toMatchObject({ score: 42.5, sentences: 2 });
  });

  it('counts neither links nor e-mail addresses as words or sentence ends', () => {
    // Läs mer på [link]. | Mejla [address] om du undrar. → 7 words (undrar has 6 letters), 2 sentences
    // 7 / 2 + 0 = 3.5
    expect(lix('Läs mer på https://www.orebro.se/foreningar. Mejla info@sprakcafe.se om du undrar.')).toEqual({
      score: 3.5,
      words: 7,
      sentences: 2,
      longWords: 0,
      level: 'very-easy',
    });
    expect(lix('Se www.tillsammans.example/sprakcafe! Välkommen.')).toMatchObject({ words: 2, sentences: 2 });
  });

  it('does not count numbers, times, dates or mixed codes like "3B" as words', () => {
    // Vi ses den mars kl i sal → 7 words, 1 sentence ("18.30" has no end), no long: 7
    expect(lix('Vi ses den 12 mars 2025 kl 18.30 i sal 3B.')).toEqual({ score: 7, words: 7, sentences: 1, longWords: 0, level: 'very-easy' });
  });

  it('joins words on hyphens and counts only letters towards "long"', () => {
    // Vi har läxhjälp-café(12) och e-post. → 5 words, 1 long: 5 + 20 = 25
    expect(lix('Vi har läxhjälp-café och e-post.')).toMatchObject({ score: 25, words: 5, longWords: 1, level: 'easy' });
    // "sms-kod" is 7 characters but 6 letters: not long
    expect(lix('Du får en sms-kod.')).toMatchObject({ words: 4, longWords: 0 });
  });

  it('counts å, ä, ö and é as letters, however é is encoded', () => {
    expect(lix('Kaféet öppnar.')).toMatchObject({ words: 2, longWords: 0 });
    expect(lix('Kafe\u0301et öppnar.')).toMatchObject({ words: 2, longWords: 0 });
    expect(lix('Fåtöljen')).toMatchObject({ words: 1, longWords: 1 });
  });

  it.each(['', '   \n\n  ', '😊🎉', '123 456.', '18:00–20:00', '...', 'https://www.orebro.se'])(
    'gives 0 and very-easy for a text without words: %j',
    (text) => {
      expect(lix(text)).toEqual({ score: 0, words: 0, sentences: 0, longWords: 0, level: 'very-easy' });
    },
  );
});

describe('lixLevel', () => {
  it.each([
    [0, 'very-easy'],
    [24.9, 'very-easy'],
    [25, 'easy'],
    [34.9, 'easy'],
    [35, 'medium'],
    [44.9, 'medium'],
    [45, 'hard'],
    [54.9, 'hard'],
    [55, 'very-hard'],
    [101, 'very-hard'],
  ] as const)('puts %d in %s', (score, level) => {
    expect(lixLevel(score)).toBe(level);
  });

  it('warns from the start of "hard"', () => {
    expect(lixLevel(LIX_WARNING_THRESHOLD)).toBe('hard');
    expect(lixLevel(LIX_WARNING_THRESHOLD - 0.1)).toBe('medium');
  });
});
