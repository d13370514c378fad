import { DEFAULT_PROTOCOL } from '../../request';
import { problems, type UriCheck } from '../uri-check';

/** "Always pass this value": the seed's own samples leave it out, hence only a SHOULD. */
export const protocolDefault: UriCheck = {
  id: 'viva.request.protocol',
  title: `protocol is ${DEFAULT_PROTOCOL}`,
  level: 'SHOULD',
  clause: '3/request-protocol',
  run: (r) => {
    const protocol = r.fields.protocol;
    if (protocol === undefined) return problems(`protocol is missing (pass protocol=${DEFAULT_PROTOCOL})`);
    return problems(protocol !== DEFAULT_PROTOCOL && `protocol is "${protocol}", not "${DEFAULT_PROTOCOL}"`);
  },
};
