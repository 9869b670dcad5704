/** Optional machine translation: one interface over LibreTranslate- and DeepL-compatible HTTP providers. */

/** Translates Swedish texts with an external service; `translate` keeps the order of its input. */
export interface MachineTranslator {
  /** The provider's name, stored with machine translations so readers can see where they came from. */
  name: string;
  /**
   * Translates every text from `from` to `to` (our language codes, e.g. `sv` → `ar`) and resolves
   * with one translation per text, in the same order. Rejects with a MachineTranslationError, or with
   * the caller's abort reason when `signal` aborts.
   */
  translate(texts: string[], from: string, to: string, signal?: AbortSignal): Promise<string[]>;
}

export type MachineTranslationProvider = 'libretranslate' | 'deepl';

export interface MachineTranslatorConfig {
  provider: MachineTranslationProvider;
  /** Base URL of the service, e.g. `http://127.0.0.1:5000` or `https://api-free.deepl.com`. */
  url: string;
  apiKey?: string | undefined;
  /** Longest wait for one request, answer body included. */
  timeoutMs: number;
}

export type MachineTranslationErrorCode =
  | 'translation.mt.unavailable'
  | 'translation.mt.rejected'
  | 'translation.mt.unsupportedLanguage'
  | 'translation.mt.badResponse';

/** A failed machine translation. `code` is stable (and a translation key); the message never holds the API key. */
export class MachineTranslationError extends Error {
  override readonly name = 'MachineTranslationError';

  constructor(
    readonly code: MachineTranslationErrorCode,
    message: string,
    /** The HTTP status the provider answered with, when it answered. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** At most this many texts go in one request. */
export const MAX_TEXTS_PER_REQUEST = 50;
/** At most this many characters (UTF-16 code units) go in one request. */
export const MAX_CHARS_PER_REQUEST = 30_000;

/**
 * Splits texts into consecutive batches of at most `maxTexts` texts and `maxChars` characters, keeping
 * order. A single text longer than `maxChars` is not cut (that would break its sentences): it goes alone.
 */
export function splitIntoBatches(texts: string[], maxTexts = MAX_TEXTS_PER_REQUEST, maxChars = MAX_CHARS_PER_REQUEST): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (current.length > 0 && (current.length >= maxTexts || chars + text.length > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Our language codes as LibreTranslate spells them (Argos models use the same ISO 639 codes). */
const LIBRE_LANGUAGES: Record<string, string> = {
  sv: 'sv',
  en: 'en',
  ar: 'ar',
  fa: 'fa',
  ti: 'ti',
  so: 'so',
  uk: 'uk',
  ckb: 'ckb',
};

/** DeepL distinguishes source codes (no variants) from target codes (EN needs EN-GB or EN-US). */
const DEEPL_SOURCE: Record<string, string> = { sv: 'SV', en: 'EN', ar: 'AR', uk: 'UK' };
const DEEPL_TARGET: Record<string, string> = { sv: 'SV', en: 'EN-GB', ar: 'AR', uk: 'UK' };

/** One provider's wire format: how a batch becomes a request and how an answer becomes texts. */
interface Protocol {
  name: MachineTranslationProvider;
  /** Language codes for the provider; throws unsupportedLanguage before any request is made. */
  languages(from: string, to: string): { source: string; target: string };
  request(batch: string[], source: string, target: string): { path: string; headers: Record<string, string>; body: unknown };
  /** The translations in an answer, or undefined when the answer has the wrong shape. */
  parse(json: unknown, sent: number): string[] | undefined;
  /** Why a 4xx answer was refused, in words for the log. */
  refusal(status: number, serverMessage: string | undefined): string;
}

function unsupported(provider: string, code: string): MachineTranslationError {
  return new MachineTranslationError('translation.mt.unsupportedLanguage', `${provider} does not translate the language "${code}"`);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function libreTranslate(apiKey: string | undefined): Protocol {
  return {
    name: 'libretranslate',
    languages(from, to) {
      const source = LIBRE_LANGUAGES[from];
      const target = LIBRE_LANGUAGES[to];
      if (!source) throw unsupported('LibreTranslate', from);
      if (!target) throw unsupported('LibreTranslate', to);
      return { source, target };
    },
    request(batch, source, target) {
      return {
        path: '/translate',
        headers: {},
        body: { q: batch, source, target, format: 'text', ...(apiKey ? { api_key: apiKey } : {}) },
      };
    },
    parse(json, sent) {
      const value = (json as { translatedText?: unknown } | null)?.translatedText;
      if (isStringArray(value)) return value;
      // An older server, or one text sent: a single string.
      if (typeof value === 'string' && sent === 1) return [value];
      return undefined;
    },
    refusal(status, serverMessage) {
      if (status === 403) return `LibreTranslate refused the request (403, API key missing or invalid)${serverMessage ? `: ${serverMessage}` : ''}`;
      if (status === 429) return 'LibreTranslate: too many requests (429)';
      return `LibreTranslate refused the request (${status})${serverMessage ? `: ${serverMessage}` : ''}`;
    },
  };
}

function deepL(apiKey: string | undefined): Protocol {
  return {
    name: 'deepl',
    languages(from, to) {
      const source = DEEPL_SOURCE[from];
      const target = DEEPL_TARGET[to];
      if (!source) throw unsupported('DeepL', from);
      if (!target) throw unsupported('DeepL', to);
      if (!apiKey) throw new MachineTranslationError('translation.mt.rejected', 'DeepL needs an API key (MT_API_KEY)');
      return { source, target };
    },
    request(batch, source, target) {
      return {
        path: '/v2/translate',
        headers: { authorization: `DeepL-Auth-Key ${apiKey}` },
        body: { text: batch, source_lang: source, target_lang: target },
      };
    },
    parse(json) {
      const list = (json as { translations?: unknown } | null)?.translations;
      if (!Array.isArray(list)) return undefined;
      const texts = list.map((t) => (t as { text?: unknown } | null)?.text);
      return isStringArray(texts) ? texts : undefined;
    },
    refusal(status, serverMessage) {
      const detail = serverMessage ? `: ${serverMessage}` : '';
      if (status === 403) return `DeepL refused the API key (403)${detail}`;
      if (status === 456) return `DeepL quota exceeded (456)${detail}`;
      if (status === 429) return `DeepL: too many requests (429)${detail}`;
      return `DeepL refused the request (${status})${detail}`;
    },
  };
}

/** The error text a provider put in a JSON error answer (`error` for LibreTranslate, `message` for DeepL). */
function serverMessage(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown } | null;
    const message = json?.error ?? json?.message;
    return typeof message === 'string' ? message.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A MachineTranslator for a LibreTranslate- or DeepL-compatible service. Inputs are sent in batches
 * (at most 50 texts and 30,000 characters each), one after another; each request is abandoned after
 * `timeoutMs`. `fetchImpl` is the HTTP client (the global fetch unless a test or proxy needs another).
 */
export function createMachineTranslator(config: MachineTranslatorConfig, fetchImpl: typeof fetch = fetch): MachineTranslator {
  const base = config.url.replace(/\/+$/, '');
  const apiKey = config.apiKey || undefined;
  const protocol = config.provider === 'deepl' ? deepL(apiKey) : libreTranslate(apiKey);

  /** A message safe to log: the key never appears, even if a server echoes it. */
  const redact = (message: string): string => (apiKey ? message.split(apiKey).join('***') : message);
  const fail = (code: MachineTranslationErrorCode, message: string, status?: number, cause?: unknown): MachineTranslationError =>
    new MachineTranslationError(code, redact(message), status, cause === undefined ? undefined : { cause });

  async function post(batch: string[], source: string, target: string, signal: AbortSignal | undefined): Promise<string[]> {
    signal?.throwIfAborted();
    const { path, headers, body } = protocol.request(batch, source, target);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, config.timeoutMs);
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const where = `${protocol.name} at ${base}`;
    const networkFailure = (error: unknown): unknown => {
      if (signal?.aborted) return signal.reason;
      if (timedOut) return fail('translation.mt.unavailable', `${where} did not answer within ${config.timeoutMs} ms`);
      return fail('translation.mt.unavailable', `${where} could not be reached`, undefined, error);
    };
    try {
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
          body: JSON.stringify(body),
          signal: controller.signal,
        });
        text = await response.text();
      } catch (error) {
        throw networkFailure(error);
      }
      if (response.status >= 400 && response.status < 500) {
        throw fail('translation.mt.rejected', protocol.refusal(response.status, serverMessage(text)), response.status);
      }
      if (!response.ok) {
        const detail = serverMessage(text);
        throw fail('translation.mt.unavailable', `${where} failed (${response.status})${detail ? `: ${detail}` : ''}`, response.status);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw fail('translation.mt.badResponse', `${where} answered with something that is not JSON`, response.status);
      }
      const translated = protocol.parse(json, batch.length);
      if (!translated) throw fail('translation.mt.badResponse', `${where} answered in an unexpected shape`, response.status);
      if (translated.length !== batch.length) {
        throw fail('translation.mt.badResponse', `${where} returned ${translated.length} texts for ${batch.length}`, response.status);
      }
      return translated;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    name: protocol.name,
    async translate(texts, from, to, signal) {
      const { source, target } = protocol.languages(from, to);
      const out: string[] = [];
      for (const batch of splitIntoBatches(texts)) {
        out.push(...(await post(batch, source, target, signal)));
      }
      return out;
    },
  };
}
