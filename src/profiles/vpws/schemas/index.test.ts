/** The VPWS schemas compile under strict mode, follow the schema convention, and read the seed's answer. */
import { VPWS_SCHEMAS } from '.';

describe('the VPWS schemas', () => {
  it.each([...VPWS_SCHEMAS.names])('%s compiles and has the $id, $schema and annotations of the convention', (name) => {
    // Act
    const doc = VPWS_SCHEMAS.document(name);
    // Assert
    expect(() => VPWS_SCHEMAS.validate(name, {})).not.toThrow();
    expect(doc.$id).toBe(`urn:paycert:vpws:${name}`);
    expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.title.length).toBeGreaterThan(0);
  });

  it("accepts the seed's answer and refuses one without data's fields", () => {
    // Arrange
    const answer = { message: '', statusCode: 200, exceptions: null, data: { lastAmount: 0, transactionStatusId: 1, errorCode: null, isSuccess: true, errorMessage: null }, oldData: null, errors: null };
    // Act
    const good = VPWS_SCHEMAS.validate('vpws-response', answer);
    const bad = VPWS_SCHEMAS.validate('vpws-response', { ...answer, data: { lastAmount: 0 } });
    // Assert
    expect(good).toEqual({ ok: true });
    expect(bad.ok).toBe(false);
  });
});
