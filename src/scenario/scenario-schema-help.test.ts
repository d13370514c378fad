/**
 * What an editor shows from the published scenario schema (specs/scenario.schema.json): help on
 * every property, an example of every operation, only the file's profile's operations, and a
 * schema that ajv's strict mode compiles. The loader's own form still reports problems at
 * `file:line:col`.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { allProfiles, type Profile } from '../profiles';
import { scenarioFileErrors } from '../testing/scenario-errors';
import { publishedScenarioSchema, scenarioFileSchema } from './scenario-schema';

type Node = { [key: string]: unknown };

/** Every subschema of `node` with its JSON pointer (keys `properties`, `$defs`, `allOf`... walked alike). */
function* subschemas(node: unknown, pointer = ''): Generator<[string, Node]> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* subschemas(item, `${pointer}/${i}`);
    return;
  }
  yield [pointer, node as Node];
  for (const [key, value] of Object.entries(node)) {
    // Examples and enums are values, not schemas.
    if (key === 'examples' || key === 'enum' || key === 'const') continue;
    yield* subschemas(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

/** Each property schema of the schema (a key of some `properties`), with its pointer. */
function propertiesOf(schema: unknown): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [pointer, node] of subschemas(schema)) {
    const props = node.properties;
    // A node at `.../properties` is a map of names, not a schema.
    if (pointer.endsWith('/properties') || props === null || typeof props !== 'object' || Array.isArray(props)) continue;
    for (const [name, property] of Object.entries(props)) out.push([`#${pointer}/properties/${name}`, property]);
  }
  return out;
}

const operationNames = (p: Profile) => [...p.scenario.operations.map((o) => o.name), 'state'];
const ownKeys = (p: Profile) => [...p.scenario.operations.map((o) => o.name), ...(p.scenario.settings ?? []).map((s) => s.name)];

/** A file of `profile` with one scenario whose one step is `step`. */
function fileWith(profile: string, step: Record<string, unknown>): unknown {
  return { profile, scenarios: [{ id: 'x.y.z', title: 't', level: 'MUST', ref: { clause: 'c' }, steps: [step] }] };
}

function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

describe('the published scenario schema as editor help', () => {
  const schema = publishedScenarioSchema() as { $defs: Record<string, { properties: Record<string, Node> }> };

  it('describes every property, in words (none left at a placeholder)', () => {
    // Arrange
    const properties = propertiesOf(schema);
    // Act
    const undescribed = properties.filter(([, p]) => typeof (p as Node).description !== 'string' || ((p as Node).description as string).trim() === '').map(([at]) => at);
    const placeholders = properties.filter(([, p]) => String((p as Node).description).includes('(filled in')).map(([at]) => at);
    // Assert
    expect(properties.length).toBeGreaterThan(150);
    expect(undescribed).toEqual([]);
    expect(placeholders).toEqual([]);
  });

  it('gives every operation and setting of every profile at least one example', () => {
    // Arrange
    const keys = allProfiles().flatMap((p) => [...operationNames(p), ...ownKeys(p)].map((key) => [p.name, key] as const));
    // Act
    const without = keys.filter(([profile, key]) => !Array.isArray(schema.$defs[`${profile}.step`]?.properties[key]?.examples) || (schema.$defs[`${profile}.step`]!.properties[key]!.examples as unknown[]).length === 0);
    // Assert
    expect(keys.length).toBeGreaterThanOrEqual(12);
    expect(without).toEqual([]);
  });

  it('has examples that the schema accepts, where they stand and as a step of a file of their profile', () => {
    // Arrange
    const ajv = strictAjv();
    ajv.addSchema(schema);
    const file = ajv.getSchema('urn:paycert:scenario-file')!;
    const withExamples = [...subschemas(schema)].filter(([, node]) => Array.isArray(node.examples));
    // Act
    const refused: string[] = [];
    for (const [pointer, node] of withExamples) {
      const here = ajv.compile({ $ref: `urn:paycert:scenario-file#${pointer}` });
      for (const example of node.examples as unknown[]) if (!here(example)) refused.push(`#${pointer}: ${JSON.stringify(example)}: ${ajv.errorsText(here.errors)}`);
    }
    for (const p of allProfiles()) {
      for (const key of operationNames(p)) {
        for (const example of (schema.$defs[`${p.name}.step`]!.properties[key]!.examples as unknown[]) ?? []) {
          if (!file(fileWith(p.name, { [key]: example }))) refused.push(`${p.name} ${key}: ${JSON.stringify(example)}: ${ajv.errorsText(file.errors)}`);
        }
      }
    }
    // Assert
    expect(withExamples.length).toBeGreaterThanOrEqual(15);
    expect(refused).toEqual([]);
  });

  it('compiles under ajv strict mode, in its published form and in the loader\'s', () => {
    // Act, Assert: strict mode throws on unknown keywords, missing types, union types...
    expect(() => strictAjv().compile(publishedScenarioSchema())).not.toThrow();
    expect(() => strictAjv().compile(scenarioFileSchema(allProfiles(), true))).not.toThrow();
  });
});

describe('the published scenario schema offers a file its own profile\'s operations only', () => {
  const schema = publishedScenarioSchema() as Node & { $defs: Record<string, { properties: Record<string, unknown> }>; allOf: Node[]; properties: Record<string, Node> };

  it('refuses a vpws_cancel or viva_cancel step in a viopay-pos file, and takes each in its own profile\'s', () => {
    // Arrange
    const validate = strictAjv().compile(schema);
    const vpws = { vpws_cancel: { referenceCode: 'ref-1', token: 'dealer_a' } };
    const viva = { viva_cancel: { orderCode: '123' } };
    // Act, Assert
    expect(validate(fileWith('viopay-pos', vpws))).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'vpws_cancel' } }));
    expect(validate(fileWith('viopay-pos', viva))).toBe(false);
    expect(validate(fileWith('viopay-pos', { charge: {} }))).toBe(true);
    expect(validate(fileWith('vpws', vpws))).toBe(true);
    expect(validate(fileWith('viva-interapp', viva))).toBe(true);
  });

  it("gives each profile's step its own operations and settings and none of another profile's", () => {
    for (const profile of allProfiles()) {
      // Arrange
      const offered = Object.keys(schema.$defs[`${profile.name}.step`]!.properties);
      const others = allProfiles().filter((p) => p !== profile).flatMap(ownKeys);
      // Act
      const foreign = offered.filter((key) => others.includes(key) && !ownKeys(profile).includes(key));
      // Assert
      expect(offered).toEqual(expect.arrayContaining(ownKeys(profile)));
      expect(foreign).toEqual([]);
    }
    expect(Object.keys(schema.$defs['viopay-pos.step']!.properties)).not.toContain('vpws_cancel');
    expect(Object.keys(schema.$defs['viopay-pos.step']!.properties)).not.toContain('viva_cancel');
  });

  it("selects the scenarios' schema by the file's profile: field alone (the root's scenarios have no items of their own)", () => {
    // Act
    const branches = schema.allOf.map((b) => [((b.if as Node).properties as Record<string, Node>).profile!.const, ((b.then as Node).properties as Record<string, Node>).scenarios!.items]);
    // Assert
    expect(schema.properties.scenarios!.items).toBeUndefined();
    expect(branches).toEqual(allProfiles().map((p) => [p.name, { $ref: `#/$defs/${p.name}.scenario` }]));
    for (const p of allProfiles()) expect((schema.$defs[`${p.name}.scenario`]!.properties.steps as Node).items).toEqual({ $ref: `#/$defs/${p.name}.step` });
  });
});

describe("the loader's schema errors after the strict-mode changes", () => {
  const lines = (text: string): string[] => scenarioFileErrors(text);
  const file = (profile: string, step: string) => `profile: ${profile}\nscenarios:\n  - id: x.y.z\n    title: t\n    level: MUST\n    ref: { clause: c }\n    steps:\n      - ${step}\n`;

  it('name file, line and column, and say what the allowed forms are', () => {
    // Act
    const viva = lines(file('viva-interapp', 'viva_cancel: { orderCode: { a: 1 } }'));
    const vpws = lines(file('vpws', 'vpws_cancel: { referenceCode: 5 }'));
    const pos = lines(file('viopay-pos', 'charge: {}\n        break: { headers: { X-Nonce: 5 } }'));
    // Assert
    expect(viva).toEqual(['f.spec.yaml:8:35: scenarios[0].steps[0].viva_cancel.orderCode: must be a text, number or boolean (sent as written), or null to leave the parameter out']);
    expect(vpws).toEqual(['f.spec.yaml:8:39: scenarios[0].steps[0].vpws_cancel.referenceCode: must be a text, or null to leave it out']);
    expect(pos).toEqual(['f.spec.yaml:9:38: scenarios[0].steps[0].break.headers.X-Nonce: must be a text, or null to leave it out']);
  });
});
