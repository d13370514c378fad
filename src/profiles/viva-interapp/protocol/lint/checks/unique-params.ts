import { problems, type UriCheck } from '../uri-check';

/**
 * PROFILE 3: a parameter appears at most once (`action=cancel&action=sale` leaves the terminal to
 * guess which counts). Only names and counts are said: a repeated merchantKey's values are secret.
 */
export const uniqueParams: UriCheck = {
  id: 'viva.request.unique-params',
  title: 'No parameter appears twice',
  level: 'MUST',
  clause: '3/request-unique-params',
  run: (r) => {
    // In the order the names first appear, as a reader of the URI meets them.
    const repeated = [...new Set(r.pairs.map((p) => p.name))].filter((name) => r.repeated.includes(name));
    return problems(
      ...repeated.map((name) => {
        const times = r.pairs.filter((p) => p.name === name).length;
        return `${name} appears ${times} times: a parameter may appear only once (which value counts would be undefined)`;
      }),
    );
  },
};
