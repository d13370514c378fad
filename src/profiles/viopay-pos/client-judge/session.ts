/**
 * A judging session: every request an app sends, judged by every client check as it arrives
 * (against the requests before it), with the answer the app got. At the end each check has one
 * result over the session: failed (or a warning, for a SHOULD) when any request broke it, with the
 * first offending request; passed when requests exercised it and none broke it; skipped when none
 * exercised it.
 */
import type { CheckInfo, CheckResult, Failure } from '../../../core/types';
import { statusOfFailure } from '../../../core/verdict';
import { recordExchange, type Exchange } from '../../../client/exchange';
import { CLIENT_CHECKS } from './checks';
import { factsOf, type JudgeKeys, type RequestFacts } from './facts';
import type { ClientCheck, ClientRequest, Judgement, SessionView } from './types';

/** The answer the app got, as the judge wrote it. */
export interface AnswerRecord {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  durationMs: number;
}

/** A broken rule on one request. */
export interface Breach {
  check: ClientCheck;
  judgement: Extract<Judgement, { outcome: 'broken' }>;
}

export interface JudgedRequest {
  request: ClientRequest;
  /** The checks the request exercised. */
  exercised: Set<string>;
  breaches: Breach[];
  answer?: AnswerRecord;
}

const CONNECTION_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** How to see a client failure again: the session, with the app's flow run again. */
export const CLIENT_REPLAY = 'paycert client (then run the same flow of the app again)';

/** A check as reports list it. */
export function checkInfoOf(check: ClientCheck): CheckInfo {
  return { id: check.id, title: check.title, level: check.level, ref: check.ref, tags: ['client', `client.${check.id.split('.')[2]}`], needs: [] };
}

export class ClientSession implements SessionView {
  readonly judged: JudgedRequest[] = [];
  private readonly cache = new WeakMap<ClientRequest, RequestFacts>();

  constructor(
    readonly keys: JudgeKeys,
    readonly baseUrl: string,
    private readonly checks: readonly ClientCheck[] = CLIENT_CHECKS,
    /** A check that threw (a judge bug): reported, and the check counts the request as not exercised. */
    private readonly onJudgeError: (checkId: string, error: unknown) => void = () => undefined,
  ) {}

  private readonly requests: ClientRequest[] = [];

  /** The requests judged so far, oldest first (while a request is judged: the ones before it). */
  get earlier(): readonly ClientRequest[] {
    return this.requests;
  }

  facts(request: ClientRequest): RequestFacts {
    let facts = this.cache.get(request);
    if (facts === undefined) {
      facts = factsOf(request, this.keys);
      this.cache.set(request, facts);
    }
    return facts;
  }

  /** Judges a request against every check (the requests before it are its session) and records it. */
  judge(request: ClientRequest): JudgedRequest {
    const judged: JudgedRequest = { request, exercised: new Set(), breaches: [] };
    for (const check of this.checks) {
      let judgement: Judgement;
      try {
        judgement = check.judge(request, this);
      } catch (error) {
        this.onJudgeError(check.id, error);
        continue;
      }
      if (judgement.outcome === 'not-applicable') continue;
      judged.exercised.add(check.id);
      if (judgement.outcome === 'broken') judged.breaches.push({ check, judgement });
    }
    this.judged.push(judged);
    this.requests.push(request);
    return judged;
  }

  /** The exchange of a judged request, as reports show it (redacted: no card number, no PIN block). */
  exchangeOf(judged: JudgedRequest): Exchange {
    const { request, answer } = judged;
    const plaintext = this.facts(request).plaintext;
    // The connection's own headers are curl's business in a replay, not the app's request.
    const headers = request.rawHeaders.filter(([name]) => !CONNECTION_HEADERS.has(name.toLowerCase()));
    const wire = { method: request.method, path: request.path, query: request.query, headers, body: request.body, ...(plaintext !== undefined && { plaintext }) };
    const response = answer && { status: answer.status, headers: answer.headers, body: answer.body, truncated: false, durationMs: answer.durationMs };
    return recordExchange(this.baseUrl, wire, response);
  }

  /** One result per check over the session so far. */
  results(): CheckResult[] {
    return this.checks.map((check) => this.resultOf(check));
  }

  private resultOf(check: ClientCheck): CheckResult {
    const info = checkInfoOf(check);
    const exercising = this.judged.filter((j) => j.exercised.has(check.id));
    const breaking = exercising.filter((j) => j.breaches.some((b) => b.check.id === check.id));
    if (exercising.length === 0) return { check: info, status: 'skipped', durationMs: 0, skipReason: 'no request of the session exercised this rule' };
    if (breaking.length === 0) return { check: info, status: 'passed', durationMs: 0 };
    const first = breaking[0]!;
    const { judgement } = first.breaches.find((b) => b.check.id === check.id)!;
    const failure: Failure = {
      checkId: check.id,
      title: check.title,
      level: check.level,
      message: `${judgement.message} (request #${first.request.index}; ${breaking.length} of ${exercising.length} requests broke this rule)`,
      step: `request #${first.request.index} ${first.request.method} ${first.request.target}`,
      exchange: this.exchangeOf(first),
      replay: { command: CLIENT_REPLAY, byRun: false },
      ...(judgement.expected !== undefined && { expected: judgement.expected }),
      ...(judgement.actual !== undefined && { actual: judgement.actual }),
    };
    return { check: info, status: statusOfFailure(check.level), durationMs: 0, failure };
  }
}
