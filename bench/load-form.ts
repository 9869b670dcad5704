/**
 * What a browser sends when a form is submitted, read from the rendered HTML: every named field with
 * its current value (ticked checkboxes and radios only, the selected option of a select, the text of a
 * textarea), so an editor in the load test saves exactly what the form shows except what it changes.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  // Skip the tag name, then name="value", name='value', name=value or a bare name.
  for (const m of tag.replace(/^<\s*[\w-]+/, '').matchAll(/([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

export type FormFields = [name: string, value: string][];

/** The fields of the first form whose action is `action` (a path), in document order; null when there is none. */
export function formFields(html: string, action: string): FormFields | null {
  let body: string | undefined;
  for (const m of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)) {
    if (attributes(m[0].slice(0, m[0].indexOf('>') + 1)).get('action') === action) {
      body = m[1];
      break;
    }
  }
  if (body === undefined) return null;
  const fields: FormFields = [];
  for (const m of body.matchAll(/<(input|select|textarea)\b[^>]*>/gi)) {
    const kind = m[1]!.toLowerCase();
    const attrs = attributes(m[0]);
    const name = attrs.get('name');
    if (!name || attrs.has('disabled')) continue;
    const rest = body.slice(m.index! + m[0].length);
    if (kind === 'input') {
      const type = (attrs.get('type') ?? 'text').toLowerCase();
      if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset' || type === 'file') continue;
      if ((type === 'checkbox' || type === 'radio') && !attrs.has('checked')) continue;
      fields.push([name, attrs.get('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
    } else if (kind === 'textarea') {
      const end = rest.search(/<\/textarea>/i);
      // A browser drops the one newline right after the opening tag.
      fields.push([name, decodeEntities(rest.slice(0, end < 0 ? 0 : end)).replace(/^\r?\n/, '')]);
    } else {
      const end = rest.search(/<\/select>/i);
      const options = [...rest.slice(0, end < 0 ? rest.length : end).matchAll(/<option\b[^>]*>([^<]*)/gi)].map((o) => {
        const a = attributes(o[0].slice(0, o[0].indexOf('>') + 1));
        return { value: a.get('value') ?? decodeEntities(o[1]!).trim(), selected: a.has('selected') };
      });
      const chosen = attrs.has('multiple') ? options.filter((o) => o.selected) : [options.find((o) => o.selected) ?? options[0]].filter((o) => o !== undefined);
      for (const o of chosen) fields.push([name, o.value]);
    }
  }
  return fields;
}

export function fieldValue(fields: FormFields, name: string): string | undefined {
  return fields.find(([n]) => n === name)?.[1];
}

/** The fields with `name` set to `value` (replaced where present, added otherwise). */
export function withField(fields: FormFields, name: string, value: string): FormFields {
  const out = fields.filter(([n]) => n !== name);
  out.push([name, value]);
  return out;
}

export function encodeFields(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [name, value] of fields) params.append(name, value);
  return params.toString();
}

/** A browser's cookies for one site: kept from Set-Cookie, sent back in Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.cookies.set(k, v);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  keep(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a) || (/^\s*expires\s*=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
