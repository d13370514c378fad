/**
 * Every JSON Schema paycert compiles is valid against its meta-schema (JSON Schema 2020-12). The
 * compilers skip that check at run time (`validateSchema: false`: it costs 100-500 ms a start), so
 * this test is where a broken schema is caught.
 */
import Ajv2020 from 'ajv/dist/2020';
import baseline from './config/baseline.schema.json';
import { targetConfigSchema } from './config/config-schema';
import { SCHEMA_NAMES, schemaDocument } from './schemas/validator';
import { VPWS_SCHEMAS } from './profiles/vpws/schemas';
import book from './profiles/viva-interapp/terminal/book.schema.json';
import { publishedScenarioSchema, scenarioFileSchema } from './scenario/scenario-schema';

const meta = new Ajv2020({ strict: false });

const schemas: Array<[string, unknown]> = [
  ['the baseline file', baseline],
  ['the target config', targetConfigSchema()],
  ['the Viva transaction book', book],
  ['a scenario file (as the loader compiles it)', scenarioFileSchema(undefined, true)],
  ['a scenario file (as published for editors)', publishedScenarioSchema()],
  ...SCHEMA_NAMES.map((name): [string, unknown] => [`the POS message ${name}`, schemaDocument(name)]),
  ...VPWS_SCHEMAS.names.map((name): [string, unknown] => [`the VPWS message ${name}`, VPWS_SCHEMAS.document(name)]),
];

describe('the schemas paycert compiles', () => {
  it.each(schemas)('%s is valid JSON Schema 2020-12', (_what, schema) => {
    // Act
    const valid = meta.validateSchema(schema as object);
    // Assert
    expect(meta.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('a broken schema is refused (the test can fail)', () => {
    expect(meta.validateSchema({ type: 'no-such-type' })).toBe(false);
  });
});
