/**
 * The VPWS contract says exactly what PROFILE section 2 fixes, and nothing more. Verified against
 * the VPWS reference target behind a proxy that breaks ONE fixed value of an interaction's answer
 * (several interactions are broken in one verification, never one twice), the verification fails
 * on exactly those interactions; against targets that vary what PROFILE leaves free
 * (errors/exceptions/oldData as arrays, objects, strings; data on 401/403; key order; extra
 * fields; other texts; 0.0 amounts; other refusal statuses), it passes.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { verifyContract, type InteractionVerdict } from '../src/pact/verify';
import { referenceTarget } from '../src/run/resolve-target';
import { VPWS_STATE_HOOK_PATH, type VpwsTargetOptionsInput } from '../src/profiles/vpws/target/options';
import { startVpwsTarget, type RunningVpwsTarget } from '../src/profiles/vpws/target/server';
import { VPWS_VARIATIONS_BY_NAME } from '../src/profiles/vpws/target/variants';

const CONTRACT = join(__dirname, 'vpws-dealer-vpws-api.json');

type Body = Record<string, unknown> & { data?: Record<string, unknown> | null };
/** Changes an answer of the cancel route: its status and body (parsed, or as text), or undefined to leave it. */
type Rewrite = (status: number, body: Body) => { status: number; body?: unknown; text?: string } | undefined;

/** A proxy in front of `target` that rewrites the cancel route's answers; the state hook passes through. */
async function rewritingProxy(target: RunningVpwsTarget, rewrite: Rewrite): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = httpRequest(target.url + (req.url ?? '/'), { method: req.method, headers: { ...req.headers, host: new URL(target.url).host } }, (answer: IncomingMessage) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          const changed = (req.url ?? '').startsWith(VPWS_STATE_HOOK_PATH) ? undefined : rewrite(answer.statusCode ?? 500, JSON.parse(text) as Body);
          const status = changed?.status ?? answer.statusCode ?? 500;
          const payload = changed ? (changed.text ?? JSON.stringify(changed.body)) : text;
          res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) });
          res.end(payload);
        });
      });
      upstream.on('error', () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Verifies the committed contract against a VPWS target with these options, behind a proxy doing `rewrite`. */
async function verifyAgainst(options: VpwsTargetOptionsInput, rewrite: Rewrite = () => undefined): Promise<InteractionVerdict[]> {
  const target = await startVpwsTarget({ gatewayLatencyMs: 1, ...options });
  const proxy = await rewritingProxy(target, rewrite);
  try {
    // In this process: what is tested is the contract, not the run's child (15 verifications, a child each cost 1.3 CPU-s).
    return await verifyContract(CONTRACT, referenceTarget(proxy.url, proxy.url + VPWS_STATE_HOOK_PATH, false, 'vpws'), 10_000);
  } finally {
    await proxy.close();
    await target.close();
  }
}

const failedOnes = (verdicts: readonly InteractionVerdict[]) => verdicts.filter((v) => v.status !== 'passed').map((v) => v.description).sort();

const SUCCESS = "a cancel of the dealer's own successful transaction";
const NO_TOKEN = 'a cancel without a token';
const INVALID_TOKEN = 'a cancel with an invalid token';
const OTHER_DEALER = "a cancel of another dealer's transaction";
const NOT_SUCCESSFUL = "a cancel of the dealer's own transaction that did not succeed";
const EXPIRED = "a cancel of the dealer's own transaction whose bank provision expired";

const isSuccess = (body: Body) => body.data?.isSuccess === true;
const isCancelRefusal = (body: Body) => body.data?.isSuccess === false;
/** The success's body with `change` applied to it (a copy). */
const onSuccess =
  (change: (body: Body) => void): Rewrite =>
  (status, body) => {
    if (!isSuccess(body)) return undefined;
    change(body);
    return { status, body };
  };

/** A value PROFILE fixes, broken in the answers of the interactions named. */
interface Break {
  label: string;
  rewrite: Rewrite;
  breaks: string[];
}

const BREAKS: Break[] = [
  { label: 'a success answered 201', rewrite: (_status, body) => (isSuccess(body) ? { status: 201, body } : undefined), breaks: [SUCCESS] },
  { label: 'a success with statusCode 0', rewrite: onSuccess((b) => (b.statusCode = 0)), breaks: [SUCCESS] },
  { label: 'a success with statusCode "200"', rewrite: onSuccess((b) => (b.statusCode = '200')), breaks: [SUCCESS] },
  { label: 'a success with isSuccess "true"', rewrite: onSuccess((b) => (b.data!.isSuccess = 'true')), breaks: [SUCCESS] },
  { label: 'a success with lastAmount 150.5', rewrite: onSuccess((b) => (b.data!.lastAmount = 150.5)), breaks: [SUCCESS] },
  { label: 'a success with lastAmount "0"', rewrite: onSuccess((b) => (b.data!.lastAmount = '0')), breaks: [SUCCESS] },
  { label: 'a success with transactionStatusId 1.5', rewrite: onSuccess((b) => (b.data!.transactionStatusId = 1.5)), breaks: [SUCCESS] },
  { label: 'a success without errorMessage', rewrite: onSuccess((b) => delete b.data!.errorMessage), breaks: [SUCCESS] },
  { label: 'a success with data null', rewrite: onSuccess((b) => (b.data = null)), breaks: [SUCCESS] },
  { label: '401 answered 400', rewrite: (status, body) => (status === 401 ? { status: 400, body } : undefined), breaks: [INVALID_TOKEN, NO_TOKEN] },
  { label: 'a 401 whose message is null', rewrite: (status, body) => (status === 401 ? { status, body: { ...body, message: null } } : undefined), breaks: [INVALID_TOKEN, NO_TOKEN] },
  { label: '403 answered 404', rewrite: (status, body) => (status === 403 ? { status: 404, body } : undefined), breaks: [OTHER_DEALER] },
  { label: 'a 403 without errors', rewrite: (status, body) => (status === 403 ? { status, body: { ...body, errors: undefined } } : undefined), breaks: [OTHER_DEALER] },
  { label: 'a 403 whose statusCode is a string', rewrite: (status, body) => (status === 403 ? { status, body: { ...body, statusCode: '403' } } : undefined), breaks: [OTHER_DEALER] },
  { label: 'a refused cancel with isSuccess true', rewrite: (status, body) => (isCancelRefusal(body) ? { status, body: { ...body, data: { ...body.data, isSuccess: true } } } : undefined), breaks: [EXPIRED, NOT_SUCCESSFUL] },
  { label: 'a refused cancel answered 500', rewrite: (_status, body) => (isCancelRefusal(body) ? { status: 500, body } : undefined), breaks: [EXPIRED, NOT_SUCCESSFUL] },
];

/**
 * The breaks packed so that no two in a group touch the same interaction: each interaction's
 * answer still has ONE broken value, and a verification checks several interactions at once.
 */
function disjointGroups(breaks: readonly Break[]): Break[][] {
  const groups: Break[][] = [];
  for (const b of breaks) {
    const free = groups.find((g) => g.every((other) => other.breaks.every((i) => !b.breaks.includes(i))));
    if (free) free.push(b);
    else groups.push([b]);
  }
  return groups;
}

describe('the VPWS contract fails a target that breaks one value PROFILE fixes', () => {
  it.each(disjointGroups(BREAKS).map((group) => [group.map((b) => b.label).join('; '), group] as const))('%s: exactly the interactions broken fail', async (_labels, group) => {
    // Arrange: each rewrite changes only its own interactions' answers.
    const rewrite: Rewrite = (status, body) => group.reduce<ReturnType<Rewrite>>((changed, b) => changed ?? b.rewrite(status, body), undefined);
    // Act
    const verdicts = await verifyAgainst({}, rewrite);
    // Assert
    expect(failedOnes(verdicts)).toEqual([...new Set(group.flatMap((b) => b.breaks))].sort());
  });

  it('every break is in one group, with no two on one interaction', () => {
    const groups = disjointGroups(BREAKS);
    expect(groups.flat()).toHaveLength(BREAKS.length);
    for (const g of groups) expect(new Set(g.flatMap((b) => b.breaks)).size).toBe(g.flatMap((b) => b.breaks).length);
  });
});

describe('the VPWS contract passes a target that varies what PROFILE leaves free', () => {
  it('the reference target, as it is', async () => {
    expect(failedOnes(await verifyAgainst({}))).toEqual([]);
  });

  it.each(['vpws-free-fields-arrays', 'vpws-free-fields-objects', 'vpws-free-fields-strings', 'vpws-every-liberty'])('the legal variation %s', async (name) => {
    expect(failedOnes(await verifyAgainst(VPWS_VARIATIONS_BY_NAME.get(name)!.options))).toEqual([]);
  });

  it('numbers written as the seed writes them (0.0, 200.0, 1.0), other texts, other free values, key order and extra fields', async () => {
    // JSON.stringify cannot write 200.0: the proxy writes those numbers' text itself.
    const decimals = (json: string) => json.replace(/"(statusCode|transactionStatusId|lastAmount)":(-?\d+)(?=[,}])/g, '"$1":$2.0');
    const rewrite: Rewrite = (status, body) => {
      const varied = { zExtra: { nested: [1, 2] }, ...body, message: 'İşlem sonucu', errors: isSuccess(body) ? null : ['Token is invalid'], exceptions: { trace: 'x' }, oldData: 'old' };
      return { status, text: decimals(JSON.stringify(varied)) };
    };
    expect(failedOnes(await verifyAgainst({ liberties: { keyOrder: 'reversed' } }, rewrite))).toEqual([]);
  });
});
