import { problems, type UriCheck } from '../uri-check';

/** A STAN is 6 digits; a terminal may zero-pad a shorter one, but the seed sends all 6. */
export const referenceNumberStan: UriCheck = {
  id: 'viva.request.reference-number',
  title: 'referenceNumber, when present, is a 6-digit STAN',
  level: 'SHOULD',
  clause: '3/request-reference-number',
  run: (r) => {
    const stan = r.fields.referenceNumber;
    return problems(stan !== undefined && !/^\d{6}$/.test(stan) && `referenceNumber "${stan}" is not 6 digits`);
  },
};
