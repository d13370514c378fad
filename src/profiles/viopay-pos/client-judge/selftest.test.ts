/** clientSelftest, as `paycert selftest` will call it: every faulty app caught, the correct ones passed. */
import { FAULTY_CLIENTS, LEGAL_CLIENTS } from './faulty-clients';
import { clientSelftest } from './selftest';

describe('clientSelftest', () => {
  it('catches every faulty app with its checks and diagnosis and passes the correct app and its variations', async () => {
    // Act
    const result = await clientSelftest();
    // Assert
    expect(result.rows.filter((r) => !r.ok)).toEqual([]);
    expect(result).toMatchObject({ caught: FAULTY_CLIENTS.length, total: FAULTY_CLIENTS.length, correctPassed: true });
    expect(result.rows).toHaveLength(1 + LEGAL_CLIENTS.length + FAULTY_CLIENTS.length);
  });
});
