import { AADE_FIELDS } from '../../request';
import { problems, type UriCheck } from '../uri-check';

export const aadeComplete: UriCheck = {
  id: 'viva.request.aade-complete',
  title: 'The AADE parameters come all three or none',
  level: 'MUST',
  clause: '3/request-aade',
  run: (r) => {
    const present = AADE_FIELDS.filter((name) => r.fields[name] !== undefined && r.fields[name] !== '');
    if (present.length === 0 || present.length === AADE_FIELDS.length) return problems();
    const missing = AADE_FIELDS.filter((name) => !present.includes(name));
    return problems(`${present.join(', ')} given without ${missing.join(', ')}`);
  },
};
