import { problems, type UriCheck } from '../uri-check';

/** Cents as digits: "6.00" or "6,00" would be read as 600 cents or refused by a terminal. */
export const amountCents: UriCheck = {
  id: 'viva.request.amount',
  title: 'amount, when present, is digits only (cents)',
  level: 'MUST',
  clause: '3/request-amount',
  run: (r) => {
    const amount = r.fields.amount;
    if (amount === undefined) return problems(); // absent: a full refund
    if (amount === '') return problems('amount is empty (leave it out for a full refund)');
    return problems(!/^\d+$/.test(amount) && `amount "${amount}" is not digits only: send cents, like 600 for 6 euros`);
  },
};
