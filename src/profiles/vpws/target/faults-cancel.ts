/**
 * Faults of the VPWS catalogue past the token: ownership, cancellability, the lookup, the request
 * body and the answer's shape (PROFILE section 2). Each replaces ONE rule of the reference target.
 */
import { answerBody, referenceVpwsRules as ref, type VpwsRules } from './rules';
import type { VpwsResponseBody, VpwsTransaction } from './types';
import type { VpwsFaultVariant } from './variant-types';

/** The reference body with `change` applied (faults in the shape of the answer). */
const reshaped =
  (change: (body: VpwsResponseBody) => object): VpwsRules['answerBody'] =>
  (outcome, ctx) =>
    change(answerBody(outcome, ctx));

/** Ownership checked only when `checked` holds: the other dealer then meets the state's refusal instead of 403. */
const ownerCheckedOnlyWhen =
  (checked: (tx: VpwsTransaction) => boolean): VpwsRules['checkOwner'] =>
  (tx, dealer, ctx) =>
    checked(tx) ? ref.checkOwner(tx, dealer, ctx) : null;

/** The body parsed, or undefined when it is not JSON (the reference rule then refuses it). */
function parsedBody(body: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return undefined;
  }
}

/** A request-body rule that runs `mistake` on the parsed body first (it throws, as the real bug does), then the reference rule. */
const readAfter =
  (mistake: (parsed: unknown) => void): VpwsRules['readRequest'] =>
  (body, ctx) => {
    const parsed = parsedBody(body);
    if (parsed) mistake(parsed.value);
    return ref.readRequest(body, ctx);
  };

export const VPWS_CANCEL_FAULTS: VpwsFaultVariant[] = [
  {
    name: 'vpws-other-dealer-cancel',
    title: "A dealer can cancel another dealer's transaction (no 403)",
    clause: '2/other-dealer',
    level: 'MUST',
    rules: { checkOwner: () => null },
    caughtBy: ['vpws.auth.other-dealer'],
  },
  {
    name: 'vpws-owner-checked-for-successful-only',
    title: "Ownership is checked after the status: another dealer's failed transaction gets the not-successful refusal, not 403",
    clause: '2/other-dealer',
    level: 'MUST',
    rules: { checkOwner: ownerCheckedOnlyWhen((tx) => tx.transactionStatusId === 1) },
    caughtBy: ['vpws.owner.failed-transaction'],
  },
  {
    name: 'vpws-owner-checked-before-expiry-only',
    title: "Ownership is checked after the provision: another dealer's expired transaction gets the expiry refusal, not 403",
    clause: '2/other-dealer',
    level: 'MUST',
    rules: { checkOwner: ownerCheckedOnlyWhen((tx) => !tx.provisionExpired) },
    caughtBy: ['vpws.owner.provision-expired'],
  },
  {
    name: 'vpws-owner-checked-before-cancel-only',
    title: "Ownership is checked after the repeat: another dealer's cancelled transaction gets the already-cancelled answer, not 403",
    clause: '2/other-dealer',
    level: 'MUST',
    rules: { checkOwner: ownerCheckedOnlyWhen((tx) => !tx.cancelled) },
    caughtBy: ['vpws.owner.already-cancelled'],
  },
  {
    name: 'vpws-failed-tx-cancelled',
    title: 'A transaction whose transactionStatusId is not 1 is cancelled',
    clause: '2/not-cancellable',
    level: 'MUST',
    rules: { decideCancel: (tx, ctx) => ref.decideCancel(tx && { ...tx, transactionStatusId: 1 }, ctx) },
    caughtBy: ['vpws.not-cancellable.failed-transaction'],
  },
  {
    name: 'vpws-expired-provision-cancelled',
    title: 'A transaction whose bank provision period has expired is cancelled',
    clause: '2/not-cancellable',
    level: 'MUST',
    rules: { decideCancel: (tx, ctx) => ref.decideCancel(tx && { ...tx, provisionExpired: false }, ctx) },
    caughtBy: ['vpws.not-cancellable.provision-expired'],
  },
  {
    name: 'vpws-lookup-by-prefix',
    title: 'A referenceCode no transaction has finds the first transaction whose code starts with it (startsWith lookup)',
    // What breaks shows in the owner's own cancel afterwards: its transaction was cancelled by a request that did not name it.
    clause: '2/cancel-success',
    level: 'MUST',
    rules: { findTransaction: (code, ctx) => ctx.store.transactions.get(code) ?? [...ctx.store.transactions.values()].find((tx) => tx.referenceCode.startsWith(code)) },
    caughtBy: ['vpws.reference.prefix'],
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
    caughtBy: ['vpws.reference.missing'],
  },
  {
    name: 'vpws-array-body-first-element',
    title: 'A JSON array body is read as its first element (and cancels what it names)',
    clause: '2/reference-required',
    level: 'MUST',
    rules: {
      readRequest: (body, ctx) => {
        const parsed = parsedBody(body)?.value;
        return ref.readRequest(Array.isArray(parsed) ? Buffer.from(JSON.stringify(parsed[0] ?? {})) : body, ctx);
      },
    },
    caughtBy: ['vpws.body.array'],
  },
  {
    name: 'vpws-null-body-500',
    title: "A JSON null body ends in a 500 (typeof null is 'object', so the guard lets it through to the field read)",
    clause: '2/no-5xx',
    level: 'MUST',
    rules: { readRequest: readAfter((parsed) => void (typeof parsed === 'object' && (parsed as { referenceCode?: unknown }).referenceCode)) },
    caughtBy: ['vpws.body.null'],
  },
  {
    name: 'vpws-primitive-body-500',
    title: "A JSON string, number or boolean body ends in a 500 ('referenceCode' in body throws on a primitive)",
    clause: '2/no-5xx',
    level: 'MUST',
    rules: { readRequest: readAfter((parsed) => void (parsed !== null && typeof parsed !== 'object' && 'referenceCode' in (parsed as object))) },
    caughtBy: ['vpws.body.string', 'vpws.body.number', 'vpws.body.boolean'],
  },
  {
    name: 'vpws-reference-type-500',
    title: 'A referenceCode that is not a string ends in a 500 (referenceCode.trim() is called on it)',
    clause: '2/no-5xx',
    level: 'MUST',
    rules: {
      readRequest: readAfter((parsed) => {
        const code = (parsed as { referenceCode?: unknown } | null)?.referenceCode;
        if (code !== undefined && code !== null) void (code as string).trim();
      }),
    },
    caughtBy: ['vpws.no-5xx.wrong-types', 'vpws.reference.object', 'vpws.reference.array'],
  },
  {
    name: 'vpws-large-body-500',
    title: 'A body over 100 KiB ends in a 500 (the body-size error reaches the catch-all handler)',
    clause: '2/no-5xx',
    level: 'MUST',
    rules: {
      readRequest: (body, ctx) => {
        if (body.length > 100 * 1024) throw new RangeError('request entity too large');
        return ref.readRequest(body, ctx);
      },
    },
    caughtBy: ['vpws.body.huge'],
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
    caughtBy: ['vpws.no-5xx.bad-json'],
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
    caughtBy: ['vpws.cancel.success'],
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
    caughtBy: ['vpws.cancel.success'],
  },
  {
    name: 'vpws-status-code-string',
    title: 'statusCode is a string ("200") and the null wrapper fields are left out',
    clause: '2/response-shape',
    level: 'MUST',
    rules: { answerBody: reshaped(({ message, statusCode, data }) => ({ message, statusCode: String(statusCode), data })) },
    caughtBy: ['vpws.shape.every-answer'],
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
    caughtBy: ['vpws.cancel.success'],
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
    caughtBy: ['vpws.repeat.second-cancel'],
  },
];
