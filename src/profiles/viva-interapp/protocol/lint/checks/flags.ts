import { problems, type UriCheck } from '../uri-check';

export const booleanFlags: UriCheck = {
  id: 'viva.request.flags',
  title: 'show_receipt and show_transaction_result are true or false',
  level: 'MUST',
  clause: '3/request-flags',
  run: (r) =>
    problems(
      ...(['show_receipt', 'show_transaction_result'] as const).map((name) => {
        const value = r.fields[name];
        return value !== undefined && value !== 'true' && value !== 'false' ? `${name} is "${value}", not true or false` : undefined;
      }),
    ),
};
