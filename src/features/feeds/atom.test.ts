import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { renderAtom, tagUri, type AtomFeed } from './atom.js';

const feed: AtomFeed = {
  id: tagUri('tillsammans.test', 'nytt/en'),
  lang: 'en',
  title: 'New on Tillsammans',
  subtitle: 'Activities recently added in Örebro',
  selfUrl: 'https://tillsammans.test/en/nytt.atom',
  siteUrl: 'https://tillsammans.test/en',
  updated: '2026-11-26T09:00:00.000Z',
  author: { name: 'Tillsammans', uri: 'https://tillsammans.test/en' },
  entries: [
    {
      id: tagUri('tillsammans.test', 'activity-7/en'),
      title: { text: 'Language café in Vivalla', lang: 'en' },
      url: 'https://tillsammans.test/en/aktivitet/7-sprakcafe-i-vivalla',
      summary: { text: 'Kom och prata svenska & drick kaffe.', lang: 'sv' },
      published: '2026-11-20T10:00:00.000Z',
      updated: '2026-11-21T10:00:00.000Z',
      authors: [{ name: 'Röda Korset <Örebro>', uri: 'https://tillsammans.test/en/organisationer/roda-korset-orebro' }],
      categories: [{ term: 'sprakcafe', label: 'Language café' }],
    },
    {
      id: tagUri('tillsammans.test', 'activity-8/en'),
      title: { text: '<script>alert(1)</script> ]]> "Fika"', lang: 'sv' },
      url: 'https://tillsammans.test/en/aktivitet/8-x?a=1&b=2',
      summary: { text: 'a\u0000b', lang: 'sv' },
      published: '2026-11-19T10:00:00.000Z',
      updated: '2026-11-19T10:00:00.000Z',
      authors: [],
      categories: [],
    },
  ],
};

describe('renderAtom', () => {
  it('writes the whole feed', () => {
    expect(renderAtom(feed)).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        '  <id>tag:tillsammans.test,2026:nytt/en</id>',
        '  <title type="text">New on Tillsammans</title>',
        '  <subtitle type="text">Activities recently added in Örebro</subtitle>',
        '  <link rel="self" type="application/atom+xml" href="https://tillsammans.test/en/nytt.atom"/>',
        '  <link rel="alternate" type="text/html" hreflang="en" href="https://tillsammans.test/en"/>',
        '  <updated>2026-11-26T09:00:00.000Z</updated>',
        '  <author><name>Tillsammans</name><uri>https://tillsammans.test/en</uri></author>',
        '  <entry>',
        '    <id>tag:tillsammans.test,2026:activity-7/en</id>',
        '    <title type="text">Language café in Vivalla</title>',
        '    <link rel="alternate" type="text/html" hreflang="en" href="https://tillsammans.test/en/aktivitet/7-sprakcafe-i-vivalla"/>',
        '    <published>2026-11-20T10:00:00.000Z</published>',
        '    <updated>2026-11-21T10:00:00.000Z</updated>',
        '    <author><name>Röda Korset &lt;Örebro&gt;</name><uri>https://tillsammans.test/en/organisationer/roda-korset-orebro</uri></author>',
        '    <category term="sprakcafe" label="Language café"/>',
        '    <summary type="text" xml:lang="sv">Kom och prata svenska &amp; drick kaffe.</summary>',
        '  </entry>',
        '  <entry>',
        '    <id>tag:tillsammans.test,2026:activity-8/en</id>',
        '    <title type="text" xml:lang="sv">&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &quot;Fika&quot;</title>',
        '    <link rel="alternate" type="text/html" hreflang="en" href="https://tillsammans.test/en/aktivitet/8-x?a=1&amp;b=2"/>',
        '    <published>2026-11-19T10:00:00.000Z</published>',
        '    <updated>2026-11-19T10:00:00.000Z</updated>',
        '    <author><name>Tillsammans</name><uri>https://tillsammans.test/en</uri></author>',
        '    <summary type="text" xml:lang="sv">ab</summary>',
        '  </entry>',
        '</feed>',
        '',
      ].join('\n'),
    );
  });

  it('gives back the hostile title as plain text to an XML parser', () => {
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(
      renderAtom(feed),
      'application/xml',
    );
    expect(errors).toEqual([]);
    const titles = doc.getElementsByTagName('entry')[1]!.getElementsByTagName('title');
    expect(titles[0]!.textContent).toBe('<script>alert(1)</script> ]]> "Fika"');
    expect(doc.getElementsByTagName('script').length).toBe(0);
  });
});
