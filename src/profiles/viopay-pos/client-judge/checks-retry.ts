/**
 * PROFILE 1.9: a charge retried after no answer carries the same `Idempotency-Key` as the first
 * attempt. The judge cannot see that the app got no answer; it sees the same charge plaintext
 * again within RETRY_WINDOW_MS, which a real app does only when it retries (a new sale has a new
 * STAN or sequence number, or at least comes minutes later).
 */
import { HEADER } from '../../../profile/pos';
import { fingerprint } from '../target/rules/idempotency';
import { SEED } from './clauses';
import { broken, headerOf, held, notApplicable, type ClientCheck, type ClientRequest, type SessionView } from './types';

/** How close the same charge must follow to count as a retry. */
export const RETRY_WINDOW_MS = 120_000;

function chargePrint(request: ClientRequest, session: SessionView): string | undefined {
  const facts = session.facts(request);
  if (facts.route?.operation !== 'charge' || facts.plaintext === undefined || request.method !== 'POST') return undefined;
  return fingerprint(facts.plaintext);
}

export const RETRY_CHECKS: readonly ClientCheck[] = [
  {
    id: 'client.pos.idempotency.retry-key',
    title: 'a retried charge carries the Idempotency-Key of its first attempt',
    level: 'SHOULD',
    ref: { seed: SEED.charge, clause: '1.9/retry-idempotency-key' },
    judge: (request, session) => {
      const print = chargePrint(request, session);
      if (print === undefined) return notApplicable;
      const first = [...session.earlier]
        .reverse()
        .find((e) => request.receivedAt - e.receivedAt <= RETRY_WINDOW_MS && chargePrint(e, session) === print);
      if (first === undefined) return notApplicable;
      const before = headerOf(first, HEADER.idempotencyKey) ?? '';
      const now = headerOf(request, HEADER.idempotencyKey) ?? '';
      if (before !== '' && now === before) return held;
      const seconds = Math.round((request.receivedAt - first.receivedAt) / 1000);
      const what =
        before === ''
          ? `its first attempt (#${first.index}) carried no Idempotency-Key`
          : now === ''
            ? `it carries no Idempotency-Key, while its first attempt (#${first.index}) carried one`
            : `it carries another Idempotency-Key than its first attempt (#${first.index})`;
      return broken(`request #${request.index} repeats the charge of #${first.index} (${seconds} s earlier) and ${what}: the retry may charge the card twice. Send a key with every charge and the same key on its retry`, {
        expected: before === '' ? 'an Idempotency-Key on both attempts' : before,
        actual: now === '' ? null : now,
      });
    },
  },
  {
    id: 'client.pos.idempotency.key-per-charge',
    title: 'an Idempotency-Key is never reused for another charge',
    level: 'SHOULD',
    ref: { seed: SEED.charge, clause: '1.9/idempotency-key-per-charge' },
    judge: (request, session) => {
      const print = chargePrint(request, session);
      const key = headerOf(request, HEADER.idempotencyKey) ?? '';
      if (print === undefined || key === '') return notApplicable;
      const other = session.earlier.find((e) => headerOf(e, HEADER.idempotencyKey) === key && chargePrint(e, session) !== undefined && chargePrint(e, session) !== print);
      return other === undefined
        ? held
        : broken(`request #${request.index} is another charge than #${other.index} but carries the same Idempotency-Key ${key}: a target answers it with the first charge and this sale is never made. Draw a new key for every charge (and keep it for its retries)`, { actual: key });
    },
  },
];
