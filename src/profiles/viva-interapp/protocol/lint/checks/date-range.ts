import { problems, type UriCheck } from '../uri-check';

/** The seed: "if txnDateFrom has not been provided but a txnDateTo has, an error is returned". */
export const dateRange: UriCheck = {
  id: 'viva.request.date-range',
  title: 'txnDateTo comes only with txnDateFrom',
  level: 'MUST',
  clause: '3/request-dates',
  run: (r) => problems(r.fields.txnDateTo !== undefined && r.fields.txnDateFrom === undefined && 'txnDateTo is given without txnDateFrom: the terminal answers an error'),
};
