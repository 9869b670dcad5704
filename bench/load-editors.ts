/**
 * Editors of the load test: signed-in sessions that open the edit form of one of their organisation's
 * activities, change the title to a unique value and save, in a loop, against one or more instances in
 * turn. Each save the server acknowledges (303 to the workspace with ?sparad=published) goes into the
 * ledger, which afterwards checks that the database still holds it.
 */
import { CookieJar, encodeFields, fieldValue, formFields, withField, type FormFields } from './load-form.js';
import { sleep } from './load-instances.js';

/** A failure of the load test itself (not of the server under load): the run stops. */
export class LoadToolError extends Error {}

export interface EditorAccount {
  index: number;
  /** The session cookie's value. */
  sessionSecret: string;
  organisationSlug: string;
  activityIds: number[];
}

export interface Target {
  name: string;
  base: string;
  /** No requests before this time (ms since epoch): the instance did not answer. */
  downUntil: number;
  /** Editors leave it alone for good (it was killed and will not come back). */
  retired: boolean;
}

/** Requests, failures and latency of one kind of client against one instance. */
export class Tally {
  requests = 0;
  /** Connection errors and timeouts: no HTTP answer. */
  errors = 0;
  /** Answers other than the expected 2xx or 303. */
  non2xx = 0;
  readonly statuses = new Map<string, number>();
  readonly errorKinds = new Map<string, number>();
  readonly latencies: number[] = [];
  /** The first few unexpected answers, for the report. */
  readonly samples: string[] = [];

  status(code: number, ms: number, unexpected: boolean, sample?: string): void {
    this.requests++;
    this.latencies.push(ms);
    this.statuses.set(String(code), (this.statuses.get(String(code)) ?? 0) + 1);
    if (unexpected) {
      this.non2xx++;
      if (sample && this.samples.length < 5) this.samples.push(sample);
    }
  }

  error(kind: string): void {
    this.requests++;
    this.errors++;
    this.errorKinds.set(kind, (this.errorKinds.get(kind) ?? 0) + 1);
  }

  percentile(p: number): number {
    if (this.latencies.length === 0) return 0;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
  }
}

/** Every title an editor tried to save, and the last one the server acknowledged, per activity. */
export class Ledger {
  private readonly entries = new Map<number, { attempted: Map<string, number>; lastAcked: { title: string; seq: number } | null }>();
  private seq = 0;
  acknowledged = 0;

  /** A number no earlier write to this database had: later writes have larger ones. */
  nextSeq(): number {
    return ++this.seq;
  }

  attempt(activityId: number, title: string, seq: number): void {
    let e = this.entries.get(activityId);
    if (!e) this.entries.set(activityId, (e = { attempted: new Map(), lastAcked: null }));
    e.attempted.set(title, seq);
  }

  acknowledge(activityId: number, title: string, seq: number): void {
    const e = this.entries.get(activityId)!;
    if (!e.lastAcked || seq > e.lastAcked.seq) e.lastAcked = { title, seq };
    this.acknowledged++;
  }

  /** Activities whose stored title is neither the last acknowledged one nor one tried after it. */
  lost(stored: Map<number, string>): { activityId: number; expected: string; found: string | undefined }[] {
    const lost = [];
    for (const [activityId, e] of this.entries) {
      if (!e.lastAcked) continue;
      const found = stored.get(activityId);
      const seq = found === undefined ? undefined : e.attempted.get(found);
      if (found === e.lastAcked.title || (seq !== undefined && seq > e.lastAcked.seq)) continue;
      lost.push({ activityId, expected: e.lastAcked.title, found });
    }
    return lost;
  }

  activityIds(): number[] {
    return [...this.entries].filter(([, e]) => e.lastAcked).map(([id]) => id);
  }
}

export interface EditorCounts {
  acknowledged: number;
  /** Saves that stopped at the clash warning and were confirmed (a second POST). */
  clashConfirmations: number;
  /** 303s that did not publish (sent to review): the organisation is not trusted. */
  notPublished: number;
  /** Writes whose POST got no answer (the instance died): not acknowledged. */
  unanswered: number;
}

const TITLE_SUFFIX = / \[[^\]]*#\d+\]$/;

/** Runs the editors until `endAt` against the targets in turn (each editor starting at its own one). */
export async function runEditors(args: {
  accounts: EditorAccount[];
  targets: Target[];
  ledger: Ledger;
  /** Short name of the phase, part of every title written. */
  tag: string;
  endAt: number;
  tallies: Map<string, Tally>;
  counts: EditorCounts;
}): Promise<void> {
  const { targets, ledger, tag, endAt, tallies, counts } = args;
  const tally = (t: Target) => {
    let x = tallies.get(t.name);
    if (!x) tallies.set(t.name, (x = new Tally()));
    return x;
  };

  class Unanswered extends Error {}

  const request = async (jar: CookieJar, t: Target, method: 'GET' | 'POST', url: string, body?: string) => {
    const started = performance.now();
    let res: Response;
    let text: string;
    try {
      res = await fetch(t.base + url, {
        method,
        redirect: 'manual',
        headers: { cookie: jar.header(), 'accept-encoding': 'gzip', ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      text = await res.text();
    } catch (error) {
      const e = error as Error & { cause?: { code?: string; message?: string } };
      const kind = e.name === 'TimeoutError' ? 'timeout (30 s)' : (e.cause?.code ?? e.cause?.message ?? e.message);
      tally(t).error(kind);
      // A refused or cut connection: try the others for a second.
      if (e.name !== 'TimeoutError') t.downUntil = Date.now() + 1000;
      throw new Unanswered(kind);
    }
    jar.keep(res.headers.getSetCookie());
    const ms = performance.now() - started;
    return { status: res.status, location: res.headers.get('location') ?? '', text, ms };
  };

  const editor = async (account: EditorAccount) => {
    const jar = new CookieJar({ sid: account.sessionSecret });
    let turn = account.index;
    let round = 0;
    while (Date.now() < endAt) {
      const usable = targets.filter((t) => !t.retired && t.downUntil <= Date.now());
      if (usable.length === 0) {
        await sleep(100);
        continue;
      }
      const t = usable[turn++ % usable.length]!;
      const activityId = account.activityIds[round++ % account.activityIds.length]!;
      const url = `/hantera/${account.organisationSlug}/aktivitet/${activityId}`;
      try {
        const form = await request(jar, t, 'GET', url);
        if (form.status !== 200) {
          tally(t).status(form.status, form.ms, true, `GET ${url} → ${form.status} ${form.location}`);
          await sleep(100);
          continue;
        }
        tally(t).status(form.status, form.ms, false);
        let fields: FormFields | null = formFields(form.text, url);
        if (!fields || fieldValue(fields, '_csrf') === undefined || fieldValue(fields, 'version') === undefined) {
          throw new LoadToolError(`the edit form ${url} has no form posting to itself with _csrf and version fields`);
        }
        const seq = ledger.nextSeq();
        const title = `${(fieldValue(fields, 'title') ?? '').replace(TITLE_SUFFIX, '').slice(0, 80)} [${tag} e${account.index} #${seq}]`;
        ledger.attempt(activityId, title, seq);
        fields = withField(withField(fields, 'title', title), 'action', 'save');
        for (let post = 0; ; post++) {
          let saved;
          try {
            saved = await request(jar, t, 'POST', url, encodeFields(fields));
          } catch (error) {
            if (error instanceof Unanswered) counts.unanswered++;
            throw error;
          }
          if (saved.status === 303) {
            tally(t).status(saved.status, saved.ms, false);
            const kind = /[?&]sparad=([\w-]+)/.exec(saved.location)?.[1];
            if (kind === 'published') {
              ledger.acknowledge(activityId, title, seq);
              counts.acknowledged++;
            } else counts.notPublished++;
            break;
          }
          // The clash warning: the same form back once with clashesSeen; saving again saves.
          const again = saved.status === 200 ? formFields(saved.text, url) : null;
          if (again && fieldValue(again, 'clashesSeen') && post === 0) {
            tally(t).status(saved.status, saved.ms, false);
            counts.clashConfirmations++;
            fields = withField(again, 'action', 'save');
            continue;
          }
          const error = /class="[^"]*error[^"]*"[^>]*>([^<]{0,160})/.exec(saved.text)?.[1]?.trim();
          tally(t).status(saved.status, saved.ms, true, `POST ${url} → ${saved.status}${error ? `: ${error}` : ''}`);
          break;
        }
      } catch (error) {
        if (!(error instanceof Unanswered)) throw error;
        await sleep(100);
      }
    }
  };

  await Promise.all(args.accounts.map(editor));
}
