import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMachineTranslator, MachineTranslationError, splitIntoBatches, type MachineTranslatorConfig } from './machine.js';

/** One request as the fake provider saw it. */
interface Received {
  method: string | undefined;
  path: string | undefined;
  headers: IncomingHttpHeaders;
  body: unknown;
}

type Handler = (req: Received, res: ServerResponse) => void;

const servers: http.Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A real HTTP server on 127.0.0.1 that records every request and answers with `handler`. */
async function fakeProvider(handler: Handler): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const entry: Received = { method: req.method, path: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : undefined };
      received.push(entry);
      handler(entry, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** LibreTranslate's answer to `{ q: [...] }`: each text tagged with the target so order is visible. */
const libreEcho: Handler = (req, res) => {
  const { q, target } = req.body as { q: string[]; target: string };
  json(res, 200, { translatedText: q.map((t) => `${target}:${t}`) });
};

/** DeepL's answer to `{ text: [...] }`. */
const deeplEcho: Handler = (req, res) => {
  const { text, target_lang } = req.body as { text: string[]; target_lang: string };
  json(res, 200, { translations: text.map((t) => ({ detected_source_language: 'SV', text: `${target_lang}:${t}` })) });
};

function translator(url: string, overrides: Partial<MachineTranslatorConfig> = {}) {
  return createMachineTranslator({ provider: 'libretranslate', url, timeoutMs: 2000, ...overrides });
}

/** The rejection of `promise`, which must be a MachineTranslationError. */
async function failure(promise: Promise<unknown>): Promise<MachineTranslationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MachineTranslationError);
  return error as MachineTranslationError;
}

const KEY = 'sk-very-secret-4711';

describe('LibreTranslate provider', () => {
  it('posts { q, source, target, format, api_key } to /translate and returns the translations in order', async () => {
    const server = await fakeProvider(libreEcho);
    const mt = translator(server.url, { apiKey: KEY });

    const out = await mt.translate(['Hej', 'Välkommen till språkcaféet'], 'sv', 'ar');

    expect(mt.name).toBe('libretranslate');
    expect(out).toEqual(['ar:Hej', 'ar:Välkommen till språkcaféet']);
    expect(server.received).toHaveLength(1);
    const [req] = server.received;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/translate');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.body).toEqual({ q: ['Hej', 'Välkommen till språkcaféet'], source: 'sv', target: 'ar', format: 'text', api_key: KEY });
  });

  it('sends no api_key when none is configured, and keeps a path prefix in the URL', async () => {
    const server = await fakeProvider(libreEcho);
    const out = await translator(`${server.url}/libre/`).translate(['Läxhjälp'], 'sv', 'ckb');
    expect(out).toEqual(['ckb:Läxhjälp']);
    expect(server.received[0]?.path).toBe('/libre/translate');
    expect(server.received[0]?.body).toEqual({ q: ['Läxhjälp'], source: 'sv', target: 'ckb', format: 'text' });
  });

  it.each(['en', 'ar', 'fa', 'ti', 'so', 'uk', 'ckb'])('sends our code %s unchanged as target', async (lang) => {
    const server = await fakeProvider(libreEcho);
    await translator(server.url).translate(['Hej'], 'sv', lang);
    expect(server.received[0]?.body).toMatchObject({ source: 'sv', target: lang });
  });

  it('accepts a single string when one text was sent', async () => {
    const server = await fakeProvider((_req, res) => json(res, 200, { translatedText: 'Hello' }));
    expect(await translator(server.url).translate(['Hej'], 'sv', 'en')).toEqual(['Hello']);
  });

  it('refuses a single string when several texts were sent', async () => {
    const server = await fakeProvider((_req, res) => json(res, 200, { translatedText: 'Hello' }));
    const error = await failure(translator(server.url).translate(['Hej', 'då'], 'sv', 'en'));
    expect(error.code).toBe('translation.mt.badResponse');
  });

  it('splits 120 texts into requests of 50, 50 and 20 and keeps their order', async () => {
    const server = await fakeProvider(libreEcho);
    const texts = Array.from({ length: 120 }, (_, i) => `text ${i}`);
    const out = await translator(server.url).translate(texts, 'sv', 'so');
    expect(server.received.map((r) => (r.body as { q: string[] }).q.length)).toEqual([50, 50, 20]);
    expect(out).toEqual(texts.map((t) => `so:${t}`));
  });

  it('splits by characters: no request carries more than 30,000', async () => {
    const server = await fakeProvider(libreEcho);
    const texts = ['a'.repeat(12_000), 'b'.repeat(12_000), 'c'.repeat(12_000), 'd'];
    const out = await translator(server.url).translate(texts, 'sv', 'fa');
    const sizes = server.received.map((r) => (r.body as { q: string[] }).q.map((t) => t.length));
    expect(sizes).toEqual([[12_000, 12_000], [12_000, 1]]);
    expect(out).toEqual(texts.map((t) => `fa:${t}`));
  });

  it('makes no request for no texts', async () => {
    const server = await fakeProvider(libreEcho);
    expect(await translator(server.url).translate([], 'sv', 'ar')).toEqual([]);
    expect(server.received).toHaveLength(0);
  });

  it('refuses a language it has no code for, without a request', async () => {
    const server = await fakeProvider(libreEcho);
    const error = await failure(translator(server.url).translate(['Hej'], 'sv', 'de'));
    expect(error.code).toBe('translation.mt.unsupportedLanguage');
    expect(error.message).toContain('"de"');
    expect(server.received).toHaveLength(0);
  });

  it('maps a 400 with a JSON error to rejected and keeps the server message', async () => {
    const server = await fakeProvider((_req, res) => json(res, 400, { error: 'ckb is not supported' }));
    const error = await failure(translator(server.url).translate(['Hej'], 'sv', 'ckb'));
    expect(error).toMatchObject({ code: 'translation.mt.rejected', status: 400 });
    expect(error.message).toContain('ckb is not supported');
  });

  it('maps a 403 to rejected and never puts the API key in the message, even when the server echoes it', async () => {
    const server = await fakeProvider((_req, res) => json(res, 403, { error: `Invalid API key ${KEY}` }));
    const error = await failure(translator(server.url, { apiKey: KEY }).translate(['Hej'], 'sv', 'en'));
    expect(error).toMatchObject({ code: 'translation.mt.rejected', status: 403 });
    expect(error.message).not.toContain(KEY);
    expect(String(error.stack)).not.toContain(KEY);
  });

  it('maps a 429 to rejected', async () => {
    const server = await fakeProvider((_req, res) => json(res, 429, { error: 'Slowdown: 30 per 1 minute' }));
    const error = await failure(translator(server.url).translate(['Hej'], 'sv', 'en'));
    expect(error).toMatchObject({ code: 'translation.mt.rejected', status: 429 });
  });

  it('maps a 500 to unavailable', async () => {
    const server = await fakeProvider((_req, res) => json(res, 500, { error: 'Cannot translate text: model crashed' }));
    const error = await failure(translator(server.url).translate(['Hej'], 'sv', 'en'));
    expect(error).toMatchObject({ code: 'translation.mt.unavailable', status: 500 });
    expect(error.message).toContain('model crashed');
  });

  it('maps a 502 from a proxy, with an HTML body, to unavailable', async () => {
    const server = await fakeProvider((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad Gateway</body></html>');
    });
    const error = await failure(translator(server.url).translate(['Hej'], 'sv', 'en'));
    expect(error).toMatchObject({ code: 'translation.mt.unavailable', status: 502 });
  });

  it('maps a 200 that is not JSON to badResponse', async () => {
    const server = await fakeProvider((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"translatedText": ["Hel');
    });
    const error = await failure(translator(server.url).translate(['Hej'], 'sv', 'en'));
    expect(error.code).toBe('translation.mt.badResponse');
  });

  it('maps a wrong number of translations to badResponse', async () => {
    const server = await fakeProvider((_req, res) => json(res, 200, { translatedText: ['Hello'] }));
    const error = await failure(translator(server.url).translate(['Hej', 'Hej då'], 'sv', 'en'));
    expect(error.code).toBe('translation.mt.badResponse');
    expect(error.message).toContain('1 texts for 2');
  });

  it('gives up on a server that never answers within timeoutMs', async () => {
    const server = await fakeProvider(() => {
      /* never answers */
    });
    const started = performance.now();
    const error = await failure(translator(server.url, { timeoutMs: 200 }).translate(['Hej'], 'sv', 'en'));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('translation.mt.unavailable');
    expect(error.message).toContain('200 ms');
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1500);
    expect(server.received).toHaveLength(1);
  });

  it('gives up on a server that sends headers and then stalls the body', async () => {
    const server = await fakeProvider((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"translatedText": [');
    });
    const started = performance.now();
    const error = await failure(translator(server.url, { timeoutMs: 200 }).translate(['Hej'], 'sv', 'en'));
    expect(error.code).toBe('translation.mt.unavailable');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('maps a refused connection to unavailable', async () => {
    const server = await fakeProvider(libreEcho);
    const closed = servers.pop();
    await new Promise<void>((resolve) => closed?.close(() => resolve()));
    const error = await failure(translator(server.url, { apiKey: KEY }).translate(['Hej'], 'sv', 'en'));
    expect(error.code).toBe('translation.mt.unavailable');
    expect(error.message).not.toContain(KEY);
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const server = await fakeProvider(() => {
      /* never answers */
    });
    const controller = new AbortController();
    const promise = translator(server.url, { timeoutMs: 5000 }).translate(['Hej'], 'sv', 'en', controller.signal);
    setTimeout(() => controller.abort(new Error('page closed')), 50);
    await expect(promise).rejects.toThrow('page closed');
  });
});

describe('DeepL provider', () => {
  const deepl = (url: string, overrides: Partial<MachineTranslatorConfig> = {}) =>
    translator(url, { provider: 'deepl', apiKey: KEY, ...overrides });

  it('posts { text, source_lang, target_lang } to /v2/translate with a DeepL-Auth-Key header', async () => {
    const server = await fakeProvider(deeplEcho);
    const mt = deepl(server.url);

    const out = await mt.translate(['Hej', 'Läxhjälp för barn'], 'sv', 'en');

    expect(mt.name).toBe('deepl');
    expect(out).toEqual(['EN-GB:Hej', 'EN-GB:Läxhjälp för barn']);
    expect(server.received).toHaveLength(1);
    const [req] = server.received;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v2/translate');
    expect(req?.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.body).toEqual({ text: ['Hej', 'Läxhjälp för barn'], source_lang: 'SV', target_lang: 'EN-GB' });
  });

  it.each([
    ['en', 'EN-GB'],
    ['uk', 'UK'],
    ['ar', 'AR'],
  ])('maps our %s to DeepL target %s', async (ours, theirs) => {
    const server = await fakeProvider(deeplEcho);
    expect(await deepl(server.url).translate(['Hej'], 'sv', ours)).toEqual([`${theirs}:Hej`]);
    expect(server.received[0]?.body).toMatchObject({ source_lang: 'SV', target_lang: theirs });
  });

  it.each(['fa', 'ti', 'so', 'ckb'])('refuses %s up front, without a request', async (lang) => {
    const server = await fakeProvider(deeplEcho);
    const error = await failure(deepl(server.url).translate(['Hej'], 'sv', lang));
    expect(error.code).toBe('translation.mt.unsupportedLanguage');
    expect(error.message).toContain(`"${lang}"`);
    expect(server.received).toHaveLength(0);
  });

  it('refuses to work without an API key, without a request', async () => {
    const server = await fakeProvider(deeplEcho);
    const error = await failure(deepl(server.url, { apiKey: undefined }).translate(['Hej'], 'sv', 'en'));
    expect(error.code).toBe('translation.mt.rejected');
    expect(server.received).toHaveLength(0);
  });

  it('splits 51 texts into requests of 50 and 1, in order', async () => {
    const server = await fakeProvider(deeplEcho);
    const texts = Array.from({ length: 51 }, (_, i) => `mening ${i}`);
    const out = await deepl(server.url).translate(texts, 'sv', 'uk');
    expect(server.received.map((r) => (r.body as { text: string[] }).text.length)).toEqual([50, 1]);
    expect(out).toEqual(texts.map((t) => `UK:${t}`));
  });

  it.each([
    [403, 'Wrong endpoint. Use https://api.deepl.com', /API key/],
    [456, 'Quota for this billing period has been exceeded', /quota/i],
    [429, 'Too many requests', /too many requests/i],
  ])('maps %i to rejected with a message that says why and hides the key', async (status, message, why) => {
    const server = await fakeProvider((_req, res) => json(res, status, { message: `${message} (${KEY})` }));
    const error = await failure(deepl(server.url).translate(['Hej'], 'sv', 'en'));
    expect(error).toMatchObject({ code: 'translation.mt.rejected', status });
    expect(error.message).toMatch(why);
    expect(error.message).not.toContain(KEY);
  });

  it.each([500, 503])('maps %i to unavailable', async (status) => {
    const server = await fakeProvider((_req, res) => json(res, status, { message: 'Internal error' }));
    const error = await failure(deepl(server.url).translate(['Hej'], 'sv', 'en'));
    expect(error).toMatchObject({ code: 'translation.mt.unavailable', status });
    expect(error.message).not.toContain(KEY);
  });

  it('maps malformed JSON to badResponse', async () => {
    const server = await fakeProvider((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('translations: Hello');
    });
    const error = await failure(deepl(server.url).translate(['Hej'], 'sv', 'en'));
    expect(error.code).toBe('translation.mt.badResponse');
  });

  it('maps an answer without texts to badResponse', async () => {
    const server = await fakeProvider((_req, res) => json(res, 200, { translations: [{ detected_source_language: 'SV' }] }));
    const error = await failure(deepl(server.url).translate(['Hej'], 'sv', 'en'));
    expect(error.code).toBe('translation.mt.badResponse');
  });

  it('maps a wrong number of translations to badResponse', async () => {
    const server = await fakeProvider((_req, res) =>
      json(res, 200, { translations: [{ detected_source_language: 'SV', text: 'Hello' }, { detected_source_language: 'SV', text: 'Bye' }] }),
    );
    const error = await failure(deepl(server.url).translate(['Hej'], 'sv', 'en'));
    expect(error.code).toBe('translation.mt.badResponse');
  });

  it('gives up on a server that never answers within timeoutMs', async () => {
    const server = await fakeProvider(() => {
      /* never answers */
    });
    const started = performance.now();
    const error = await failure(deepl(server.url, { timeoutMs: 150 }).translate(['Hej'], 'sv', 'en'));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('translation.mt.unavailable');
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('splitIntoBatches', () => {
  it('keeps order and respects both limits', () => {
    expect(splitIntoBatches(['a', 'b', 'c', 'd', 'e'], 2, 100)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(splitIntoBatches(['aaa', 'bb', 'c', 'dddd'], 10, 5)).toEqual([['aaa', 'bb'], ['c', 'dddd']]);
  });

  it('sends a text longer than the limit alone rather than cutting it', () => {
    expect(splitIntoBatches(['a', 'x'.repeat(40_000), 'b'])).toEqual([['a'], ['x'.repeat(40_000)], ['b']]);
  });

  it('makes no batch for no texts', () => {
    expect(splitIntoBatches([])).toEqual([]);
  });
});
