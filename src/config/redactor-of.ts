/** The redactor of a run against one target: what it must never show, from the resolved config. */
import { Redactor } from '../core/redactor';
import { secretBytesOf, secretsOf, type ResolvedTarget } from './resolved';

/**
 * A redactor that knows every secret of `target` (those its profile names: credentials, keys,
 * tokens) and its declared test cards.
 */
export function redactorOf(target: ResolvedTarget): Redactor {
  const cards = [target.cards.approved, target.cards.declined, target.cards.pending].filter((c): c is string => c !== undefined);
  return new Redactor({ secrets: secretsOf(target), secretBytes: secretBytesOf(target), cards });
}
