/**
 * Variants of the VPWS reference target for self-certification, in the shape of
 * src/target/variants/types.ts. A fault is the reference target with ONE rule switched to a
 * mistake real implementers make; a legal variation takes a choice PROFILE section 2 allows (MAY)
 * or a liberty any implementation may take. Names carry a `vpws-` prefix so that they never clash
 * with the Viopay catalogue when a CLI lists both.
 */
import { byName } from '../target/variants/by-name';
import type { VpwsTargetOptionsInput } from './options';
import { answerBody, referenceVpwsRules as ref, type VpwsRules } from './rules';
import type { VpwsResponseBody } from './types';

/** The clauses of PROFILE section 2 (the harness defines their texts). */
export type VpwsClause =
  | '2/cancel-success'
  | '2/auth'
  | '2/other-dealer'
  | '2/not-cancellable'
  | '2/reference-required'
  | '2/repeat-cancel'
  | '2/response-shape'
  | '2/no-5xx';

export interface VpwsFaultVariant {
  /** Stable name: `paycert serve --fault NAME`. */
  name: string;
  /** The mistake, in words. */
  title: string;
  /** The PROFILE clause it breaks. */
  clause: VpwsClause;
  /** MUST: certification must fail. SHOULD: it must warn (and fail with --strict), nothing more. */
  level: 'MUST' | 'SHOULD';
  /** The one rule it switches. */
  rules: Partial<VpwsRules>;
  /** Check ids known to catch it; optional: without them the selftest judges by the verdict alone. */
  caughtBy?: string[];
}

export interface VpwsLegalVariation {
  /** Stable name: `paycert serve --variant NAME[,NAME]`. */
  name: string;
  title: string;
  /** The MAY clause it takes, or `liberty`. */
  clause: VpwsClause | 'liberty';
  options: VpwsTargetOptionsInput;
}

/** The reference body with `change` applied (faults in the shape of the answer). */
const reshaped =
  (change: (body: VpwsResponseBody) => object): VpwsRules['answerBody'] =>
  (outcome, ctx) =>
    change(answerBody(outcome, ctx));

export const VPWS_FAULTS: VpwsFaultVariant[] = [
  {
    name: 'vpws-token-not-required',
    title: 'A request without an Authorization header is served as dealer_a',
    clause: '2/auth',
    level: 'MUST',
    rules: { authenticate: (header, ctx) => (header === undefined ? 'dealer_a' : ref.authenticate(header, ctx)) },
  },
  {
    name: 'vpws-any-token-accepted',
    title: 'Any Bearer token is accepted; an unknown one is served as dealer_a',
    clause: '2/auth',
    level: 'MUST',
    rules: {
      authenticate: (header, ctx) => {
        const dealer = ref.authenticate(header, ctx);
        return typeof dealer === 'string' || header === undefined ? dealer : 'dealer_a';
      },
    },
  },
  {
    name: 'vpws-other-dealer-cancel',
    title: "A dealer can cancel another dealer's transaction (no 403)",
    clause: '2/other-dealer',
    level: 'MUST',
    rules: { checkOwner: () => null },
  },
  {
    name: 'vpws-failed-tx-cancelled',
    title: 'A transaction whose transactionStatusId is not 1 is cancelled',
    clause: '2/not-cancellable',
    level: 'MUST',
    rules: { decideCancel: (tx, ctx) => ref.decideCancel(tx && { ...tx, transactionStatusId: 1 }, ctx) },
  },
  {
    name: 'vpws-expired-provision-cancelled',
    title: 'A transaction whose bank provision period has expired is cancelled',
    clause: '2/not-cancellable',
    level: 'MUST',
    rules: { decideCancel: (tx, ctx) => ref.decideCancel(tx && { ...tx, provisionExpired: false }, ctx) },
  },
  {
    name: 'vpws-missing-reference-500',
    title: 'A missing referenceCode is not checked and ends in a 500',
    clause: '2/reference-required',
    level: 'MUST',
    rules: {
      readRequest: (body, ctx) => {
        const read = ref.readRequest(body, ctx);
        // The usual bug: the field is used as a string before anyone checked it is there.
        if ('error' in read && read.error?.code === 'REFERENCE_REQUIRED') {
          const { referenceCode } = JSON.parse(body.toString('utf8')) as { referenceCode?: string };
          return { referenceCode: (referenceCode as string).toUpperCase() };
        }
        return read;
      },
    },
  },
  {
    name: 'vpws-success-renamed',
    title: 'data.success instead of data.isSuccess',
    clause: '2/response-shape',
    level: 'MUST',
    rules: {
      answerBody: reshaped((body) => {
        if (body.data === null) return body;
        const { isSuccess, ...rest } = body.data;
        return { ...body, data: { ...rest, success: isSuccess } };
      }),
    },
  },
  {
    name: 'vpws-data-fields-missing',
    title: 'data leaves out errorCode and errorMessage when they are null',
    clause: '2/response-shape',
    level: 'MUST',
    rules: {
      answerBody: reshaped((body) => {
        if (body.data === null) return body;
        const { errorCode, errorMessage, ...rest } = body.data;
        return { ...body, data: { ...rest, ...(errorCode === null ? {} : { errorCode }), ...(errorMessage === null ? {} : { errorMessage }) } };
      }),
    },
  },
  {
    name: 'vpws-status-code-string',
    title: 'statusCode is a string ("200") and the null wrapper fields are left out',
    clause: '2/response-shape',
    level: 'MUST',
    rules: { answerBody: reshaped(({ message, statusCode, data }) => ({ message, statusCode: String(statusCode), data })) },
  },
  {
    name: 'vpws-bad-json-500',
    title: 'A body that is not JSON ends in a 500 (JSON.parse is not guarded)',
    clause: '2/no-5xx',
    level: 'MUST',
    rules: {
      readRequest: (body, ctx) => {
        JSON.parse(body.toString('utf8'));
        return ref.readRequest(body, ctx);
      },
    },
  },
  {
    name: 'vpws-last-amount-not-zero',
    title: 'A successful cancel answers lastAmount = the transaction amount instead of 0',
    clause: '2/cancel-success',
    level: 'MUST',
    rules: {
      answerBody: (outcome, ctx) => {
        const body = answerBody(outcome, ctx);
        if (outcome.kind === 'cancelled' && body.data !== null) body.data.lastAmount = outcome.tx.amount;
        return body;
      },
    },
  },
  {
    name: 'vpws-repeat-cancel-500',
    title: 'A second cancel of the same referenceCode ends in a 500',
    clause: '2/repeat-cancel',
    level: 'MUST',
    rules: {
      decideCancel: (tx, ctx) => {
        if (tx?.cancelled) throw new TypeError("Cannot read properties of null (reading 'provisionId')");
        return ref.decideCancel(tx, ctx);
      },
    },
  },
];

export const VPWS_VARIATIONS: VpwsLegalVariation[] = [
  { name: 'vpws-repeat-cancel-succeeds', title: 'A second cancel of the same referenceCode succeeds again (idempotent)', clause: '2/repeat-cancel', options: { may: { repeatCancel: 'succeed' } } },
  { name: 'vpws-refusal-400', title: 'A refused cancel is answered HTTP 400 (isSuccess false in the body)', clause: '2/not-cancellable', options: { may: { refusalStatus: 400 } } },
  { name: 'vpws-refusal-422', title: 'A refused cancel is answered HTTP 422 (isSuccess false in the body)', clause: '2/not-cancellable', options: { may: { refusalStatus: 422 } } },
  { name: 'vpws-missing-reference-200', title: 'A missing or empty referenceCode is answered 200 with isSuccess false', clause: '2/reference-required', options: { may: { missingReferenceStatus: 200 } } },
  { name: 'vpws-extra-fields', title: 'Fields PROFILE does not name, beside the wrapper fields and in data', clause: 'liberty', options: { liberties: { extraFields: true } } },
  { name: 'vpws-pretty-json', title: 'Pretty-printed JSON bodies', clause: 'liberty', options: { liberties: { prettyJson: true } } },
  { name: 'vpws-other-messages', title: 'message and errorMessage in other words (Turkish)', clause: 'liberty', options: { liberties: { messageText: 'other' } } },
  { name: 'vpws-slow-gateway', title: 'The bank takes 40 ms per cancel', clause: 'liberty', options: { gatewayLatencyMs: 40 } },
];

/** The VPWS faults by name (a duplicate name throws at load). */
export const VPWS_FAULTS_BY_NAME: ReadonlyMap<string, VpwsFaultVariant> = byName('VPWS fault', VPWS_FAULTS);
/** The VPWS legal variations by name. */
export const VPWS_VARIATIONS_BY_NAME: ReadonlyMap<string, VpwsLegalVariation> = byName('VPWS variation', VPWS_VARIATIONS);
