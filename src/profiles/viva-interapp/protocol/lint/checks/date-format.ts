import { parseIsoWithOffset } from '../../dates';
import { problems, type UriCheck } from '../uri-check';

export const dateFormat: UriCheck = {
  id: 'viva.request.date-format',
  title: 'txnDateFrom and txnDateTo are ISO 8601 with an offset',
  level: 'MUST',
  clause: '3/request-dates',
  run: (r) =>
    problems(
      ...(['txnDateFrom', 'txnDateTo'] as const).map((name) => {
        const value = r.fields[name];
        if (value === undefined || parseIsoWithOffset(value) !== undefined) return undefined;
        const hint = value.includes(' ') ? ' (a space: was "+" form-decoded? send it as %2B or a literal +)' : ' (like 2021-03-29T00:00:00.000+0300)';
        return `${name} "${value}" is not ISO 8601 with an offset${hint}`;
      }),
    ),
};
