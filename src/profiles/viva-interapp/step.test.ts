import { CaptureError } from '../../scenario/interpolate';
import { vivaCancelOf } from './step';

describe('vivaCancelOf', () => {
  it('sends every value as text, null to leave a parameter out, and the step options by their client names', () => {
    // Act
    const cancel = vivaCancelOf({ amount: 600, show_receipt: true, protocol: null, aade: 'data-7-fields', prepend_query: 'action=sale', append_query: 'amount=700', uri_base: 'vivapayclient://pay/v2' });
    // Assert
    expect(cancel).toEqual({
      fields: { amount: '600', show_receipt: 'true', protocol: null },
      aade: 'data-7-fields', prependQuery: 'action=sale', appendQuery: 'amount=700', base: 'vivapayclient://pay/v2',
    });
  });

  it('builds a date parameter from another date, moved and written at another offset', () => {
    // Act
    const cancel = vivaCancelOf({ txnDateFrom: { date: '2026-03-29T10:00:00.000+0300', plus_ms: 1 }, txnDateTo: { date: '2026-03-29T10:00:00.000+0300', plus_ms: -1, offset: '-1000' } });
    // Assert
    expect(cancel.fields).toEqual({ txnDateFrom: '2026-03-29T10:00:00.001+0300', txnDateTo: '2026-03-28T20:59:59.999-1000' });
  });

  it('moves a date by steps of its own precision: a millisecond, or a second when it has no fraction', () => {
    // Act
    const cancel = vivaCancelOf({ txnDateFrom: { date: '2026-03-29T10:00:00.000+0300', plus_steps: 1 }, txnDateTo: { date: '2026-03-29T10:00:00Z', plus_steps: -1, plus_ms: -60_000 } });
    // Assert
    expect(cancel.fields).toEqual({ txnDateFrom: '2026-03-29T10:00:00.001+0300', txnDateTo: '2026-03-29T09:58:59.000Z' });
  });

  it('fails the step, naming the parameter, when the date it is built from has no offset', () => {
    expect(() => vivaCancelOf({ txnDateFrom: { date: '2026-03-29T10:00:00' } })).toThrow(CaptureError);
    expect(() => vivaCancelOf({ txnDateFrom: { date: '2026-03-29T10:00:00' } })).toThrow(/^txnDateFrom: cannot build a date from "2026-03-29T10:00:00"/);
  });
});
