/**
 * Print pages as A4 PDFs, drawn by headless Chromium through playwright-core: one browser, started
 * on the first request and reused, at most a few pages at a time. Chromium fetches nothing from the
 * network: the stylesheets and icons the page links to are handed to it from memory.
 */
import type { Browser, BrowserContext } from 'playwright-core';

/** Raised when no PDF can be made (Chromium missing, crashed or too slow); the route answers 503. */
export class PdfUnavailableError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'PdfUnavailableError';
  }
}

/** The flags that start Debian's Chromium headless in a container (see STACK-NOTES); the tests use them too. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The origin the HTML is shown under, so its root-relative links resolve; never reached over the network. */
const ORIGIN = 'http://print.tillsammans.invalid';

export interface StaticFile {
  body: Buffer;
  type: string;
}

export interface PdfRendererOptions {
  /** Where Chromium is; read when it is first needed. */
  executablePath: () => string;
  /** The files the HTML may link to, by path ('/static/styles.3fa2c1d0e9.css'); built on first use. */
  files: () => Map<string, StaticFile>;
  /** PDFs drawn at the same time; more wait their turn. */
  concurrency?: number;
  /** PDFs that may wait for a turn; beyond that a request gets PdfUnavailableError at once. */
  maxQueued?: number;
  /** Longest time to load one page into Chromium. */
  timeoutMs?: number;
}

/** Raised by Limiter.run when `maxQueued` tasks are already waiting. */
export class QueueFullError extends Error {}

/** Lets `limit` callers in at a time; up to `maxQueued` more wait in order, and the rest are refused. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueued = Infinity,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else if (this.waiting.length >= this.maxQueued) throw new QueueFullError('Too many tasks waiting');
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** Tasks running now. */
  get running(): number {
    return this.active;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }
}

export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  /** The started browser, once there is one. */
  private current: Browser | null = null;
  private closed = false;
  private readonly limiter: Limiter;
  private files: Map<string, StaticFile> | null = null;

  constructor(private readonly options: PdfRendererOptions) {
    this.limiter = new Limiter(options.concurrency ?? 2, options.maxQueued ?? 20);
  }

  /** An A4 PDF of a whole HTML document, with backgrounds. Throws PdfUnavailableError when it cannot. */
  async render(html: string): Promise<Buffer> {
    return this.limiter.run(() => this.draw(html)).catch((error: unknown) => {
      if (error instanceof QueueFullError) throw new PdfUnavailableError('Too many PDFs waiting', { cause: error });
      throw error;
    });
  }

  private async draw(html: string): Promise<Buffer> {
    const browser = await this.launch();
    let context: BrowserContext | undefined;
    try {
      context = await browser.newContext();
      const page = await context.newPage();
      const timeout = this.options.timeoutMs ?? 20_000;
      page.setDefaultTimeout(timeout);
      const files = (this.files ??= this.options.files());
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title></title>' });
        const file = files.get(url.pathname);
        return file ? route.fulfill({ status: 200, contentType: file.type, body: file.body }) : route.abort();
      });
      // An empty page under ORIGIN first: setContent keeps its URL, so /static/... links resolve against it.
      await page.goto(`${ORIGIN}/`);
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } catch (error) {
      if (error instanceof PdfUnavailableError) throw error;
      throw new PdfUnavailableError('Chromium could not draw the PDF', { cause: error });
    } finally {
      await context?.close().catch(() => {});
    }
  }

  /** Closes the browser, if one was started; later renders fail. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.browser;
    this.browser = null;
    this.current = null;
    if (pending) await pending.then((b) => b.close()).catch(() => {});
  }

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new PdfUnavailableError('The PDF renderer is closed'));
    if (!this.browser) {
      const starting = this.start();
      this.browser = starting;
      // A failed start is not remembered: Chromium may be installed by the next request.
      starting.catch(() => {
        if (this.browser === starting) this.browser = null;
      });
    }
    return this.browser;
  }

  private async start(): Promise<Browser> {
    let chromium;
    try {
      // Loaded on first use: a server that never makes a PDF never loads it, and runs without it.
      ({ chromium } = await import('playwright-core'));
    } catch (error) {
      throw new PdfUnavailableError('playwright-core is not installed', { cause: error });
    }
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath: this.options.executablePath(), args: CHROMIUM_ARGS, timeout: 30_000 });
    } catch (error) {
      throw new PdfUnavailableError('Chromium could not be started', { cause: error });
    }
    if (this.closed) {
      await browser.close().catch(() => {});
      throw new PdfUnavailableError('The PDF renderer is closed');
    }
    // A crashed browser is started again on the next request.
    browser.on('disconnected', () => {
      if (this.current !== browser) return;
      this.current = null;
      this.browser = null;
    });
    this.current = browser;
    return browser;
  }
}
