/** The Viopay POS error body (PROFILE 1.4), for `expect: { error: standard }`: 4000 with 400, 4001 with 401, 5000 with 500, any 4 digits otherwise. */
import type { StandardError } from '../../scenario/expect';

const CODE_OF_STATUS: Readonly<Record<number, string>> = { 400: '4000', 401: '4001', 500: '5000' };

export const POS_STANDARD_ERROR: StandardError = {
  body: 'PROFILE 1.4 error body {"error":{"code","message","trace_id"}}',
  source: 'PROFILE 1.4',
  codeFor(status) {
    const wanted = CODE_OF_STATUS[status];
    // Strictly the string: a code sent as the number 4000 is not the body PROFILE 1.4 gives.
    if (wanted !== undefined) return { matches: (code) => code === wanted, wanted, expected: wanted };
    return { matches: (code) => /^[0-9]{4}$/.test(String(code)), wanted: 'any 4 digits', expected: '4 digits' };
  },
};
