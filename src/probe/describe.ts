/** Near misses in words, for check titles ("with 'A' after it, in the signature only"). */
import type { NearMiss } from '../client/near-miss';

const SHOWN = (text: string) => JSON.stringify(text);

function how(miss: NearMiss): string {
  switch (miss.kind) {
    case 'removed':
      return 'left out';
    case 'empty':
      return 'empty';
    case 'upper-case':
      return 'in upper case';
    case 'lower-case':
      return 'in lower case';
    case 'capitalised':
      return 'capitalised';
    case 'prefixed':
      return `with ${SHOWN(miss.text ?? 'x')} before it`;
    case 'suffixed':
      return `with ${SHOWN(miss.text ?? 'x')} after it`;
    case 'truncated':
      return (miss.count ?? 1) > 1 ? `with its last ${miss.count} characters cut` : 'with its last character cut';
    case 'inserted':
      return `with ${SHOWN(miss.text ?? ' ')} inserted`;
    case 'plaintext':
      return 'as the plaintext JSON instead of the envelope';
    case 'padded':
      return `with ${SHOWN(miss.text ?? ' ')} around it`;
    case 'trimmed':
      return 'trimmed';
    case 'replaced':
      return `replaced by ${SHOWN(miss.text ?? '')}`;
    case 'base64url':
      return 'in base64url (- and _)';
    case 'hex':
      return 'in hex';
    case 'mac-length':
      return (miss.count ?? 1) >= 0 ? `with ${miss.count ?? 1} zero bytes added to the MAC` : `with the MAC cut to ${32 + (miss.count ?? 0)} bytes`;
    case 'prefix':
      return miss.text === '' ? 'without its v1= prefix' : `with the prefix ${SHOWN(miss.text ?? '')} instead of v1=`;
    case 'rendered':
      return `written as ${miss.text}`;
    case 'reserialised':
      return 're-serialised (parsed and written again)';
    case 'reordered':
      return 'with its parameters reordered';
    case 'decoded':
      return 'percent-decoded';
    case 'separator':
      return `joined with ${SHOWN(miss.text ?? '\r\n')}`;
    case 'swapped':
      return `with ${(miss.text ?? '').replace(',', ' and ')} swapped`;
  }
}

function where(miss: NearMiss): string {
  if (miss.element === 'canonical' || miss.element === 'X-Signature') return '';
  if (miss.in === 'signed') return ' in the signature only (sent as it was)';
  if (miss.in === 'sent') return ' on the wire only (signed as it was)';
  return '';
}

export function describeNearMiss(miss: NearMiss): string {
  return `${how(miss)}${where(miss)}`;
}
