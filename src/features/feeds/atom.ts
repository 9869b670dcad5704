/** Atom 1.0 (RFC 4287) as a pure function of its entries: the "new activities" feed's wire format. */
import { escapeXml } from './xml.js';

/** A text and the language it is in (a translation may be missing, so the Swedish original shows). */
export interface LangText {
  text: string;
  lang: string;
}

export interface AtomEntry {
  id: string;
  title: LangText;
  /** The entry's page on the site. */
  url: string;
  summary: LangText;
  /** RFC 3339 instants. */
  published: string;
  updated: string;
  authors: { name: string; uri: string }[];
  categories: { term: string; label: string }[];
}

export interface AtomFeed {
  id: string;
  /** The feed's language; entries in another language say so with xml:lang. */
  lang: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  siteUrl: string;
  updated: string;
  /** Who publishes the feed; also the author of entries that have no organisation. */
  author: { name: string; uri: string };
  entries: AtomEntry[];
}

/**
 * A tag: URI (RFC 4151) that names a thing for good, whatever its URL becomes:
 * tagUri('tillsammans.se', 'activity-42/en') → 'tag:tillsammans.se,2026:activity-42/en'.
 */
export function tagUri(host: string, specific: string): string {
  return `tag:${host},2026:${specific}`;
}

const attr = (value: string) => `"${escapeXml(value)}"`;

function langAttr(text: LangText, outer: string): string {
  return text.lang === outer ? '' : ` xml:lang=${attr(text.lang)}`;
}

function entryXml(e: AtomEntry, feed: AtomFeed): string {
  const authors = e.authors.length > 0 ? e.authors : [feed.author];
  return [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title type="text"${langAttr(e.title, feed.lang)}>${escapeXml(e.title.text)}</title>`,
    `    <link rel="alternate" type="text/html" hreflang=${attr(feed.lang)} href=${attr(e.url)}/>`,
    `    <published>${escapeXml(e.published)}</published>`,
    `    <updated>${escapeXml(e.updated)}</updated>`,
    ...authors.map((a) => `    <author><name>${escapeXml(a.name)}</name><uri>${escapeXml(a.uri)}</uri></author>`),
    ...e.categories.map((c) => `    <category term=${attr(c.term)} label=${attr(c.label)}/>`),
    `    <summary type="text"${langAttr(e.summary, feed.lang)}>${escapeXml(e.summary.text)}</summary>`,
    '  </entry>',
  ].join('\n');
}

export function renderAtom(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang=${attr(feed.lang)}>`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href=${attr(feed.selfUrl)}/>`,
    `  <link rel="alternate" type="text/html" hreflang=${attr(feed.lang)} href=${attr(feed.siteUrl)}/>`,
    `  <updated>${escapeXml(feed.updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author.name)}</name><uri>${escapeXml(feed.author.uri)}</uri></author>`,
    ...feed.entries.map((e) => entryXml(e, feed)),
    '</feed>',
    '',
  ].join('\n');
}
