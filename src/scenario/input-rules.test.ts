import { placeholderProblem } from './input-rules';
import { scenarioFileErrors } from '../testing/scenario-errors';

const HEAD = 'profile: viopay-pos\nscenarios:\n';
const scenario = (steps: string, head = HEAD, id = 'pos.test.one', clause = '1.2/nonce-replay') =>
  `${head}  - id: ${id}\n    title: t\n    level: MUST\n    ref: { clause: ${clause} }\n    steps:\n${steps}`;

const lines = (text: string): string[] => scenarioFileErrors(text);

describe('placeholderProblem', () => {
  it.each(['${c.charge_id}', 'idem-${run.unique}-${c.http.status}', 'no placeholder', 'a } alone', '$ {x}'])('accepts %j', (text) => {
    expect(placeholderProblem(text)).toBeNull();
  });

  it.each([
    ['${c.charge_id', 'the placeholder "${c.charge_id" has no closing }'],
    ['${}', 'an empty placeholder ${}: write ${name.field}'],
    ['${${c.charge_id}}', 'a placeholder inside a placeholder ("${${c.charge_id}"): write ${name.field} once'],
    ['${C.id}', '"${C.id}" is not a placeholder: write ${name.field} (a name of lower-case letters, digits and _, then .field parts)'],
  ])('refuses %j', (text, problem) => {
    expect(placeholderProblem(text)).toBe(problem);
  });
});

describe('the input rules, as lint reports them', () => {
  it('the inputs of the issue that passed lint and then failed a correct target are refused at file:line:col', () => {
    // Arrange
    const steps = [
      '      - as: c\n        charge: {}\n        expect: { fields: { charge_id: { pattern: "([a-" } } }\n',
      '      - cancel: { charge: "${c.charge_id" }\n',
      '      - cancel: { charge: "${}" }\n',
      '      - cancel: { charge: "${${c.charge_id}}" }\n',
      '      - raw: { method: "POST\\r\\nX-Evil: 1", path: /pos/charge }\n',
      '      - vpws_cancel: { referenceCode: x }\n',
      '      - viva_cancel: { orderCode: "1" }\n',
      '      - charge: {}\n        repeat: 10\n        expect_all: { ok: { min: 9, max: 1 } }\n',
    ];
    // Act
    const found = lines(scenario(steps.join('')));
    // Assert
    expect(found).toEqual([
      'f.spec.yaml:10:51: scenarios[0].steps[0].expect.fields.charge_id.pattern: "([a-" is not a regular expression: /([a-/: Unterminated character class',
      'f.spec.yaml:11:27: scenarios[0].steps[1].cancel.charge: the placeholder "${c.charge_id" has no closing }',
      'f.spec.yaml:12:27: scenarios[0].steps[2].cancel.charge: an empty placeholder ${}: write ${name.field}',
      'f.spec.yaml:13:27: scenarios[0].steps[3].cancel.charge: a placeholder inside a placeholder ("${${c.charge_id}"): write ${name.field} once',
      expect.stringMatching(/^f\.spec\.yaml:14:24: scenarios\[0\]\.steps\[4\]\.raw\.method: method "POST\\r\\nX-Evil: 1" is not an HTTP method/),
      'f.spec.yaml:15:22: scenarios[0].steps[5].vpws_cancel: vpws_cancel is not an operation of profile viopay-pos (a viopay-pos step is one of charge, refund, cancel, reverse, raw, state)',
      'f.spec.yaml:16:22: scenarios[0].steps[6].viva_cancel: viva_cancel is not an operation of profile viopay-pos (a viopay-pos step is one of charge, refund, cancel, reverse, raw, state)',
      'f.spec.yaml:19:27: scenarios[0].steps[7].expect_all.ok: min 9 is more than max 1: no answer can meet it',
    ]);
  });

  it('numbers out of range are refused by the schema: statuses, skew, date shifts', () => {
    const found = lines(
      scenario(
        '      - charge: {}\n        expect: { status: -200 }\n' +
          '      - charge: {}\n        expect: { status: [200, 1e300] }\n' +
          '      - charge: {}\n        break: { timestamp: { skew: 1e308 } }\n',
      ),
    );
    expect(found).toEqual([
      expect.stringMatching(/steps\[0\]\.expect\.status: must be a status \(200\).*each from 100 to 599/),
      expect.stringMatching(/steps\[1\]\.expect\.status: must be a status \(200\).*each from 100 to 599/),
      expect.stringMatching(/steps\[2\]\.break\.timestamp: must be an exact string to send, or \{skew: .*within 10 years/),
    ]);
  });

  it('what goes on the wire must be sendable: header names and values, request-line text, methods', () => {
    const found = lines(
      scenario(
        '      - charge: {}\n        break: { headers: { "X Bad": v, X-Ok: "a\\nb", X-Nul: "a\\0b" }, nonce: "n\\r\\n", method: "GE T", path: "/pos/charge x" }\n' +
          '      - charge: {}\n        idempotency_key: "${run.unique}\\r\\nX: 1"\n        expect: { headers: { "Bad Name": x } }\n',
      ),
    );
    expect(found.map((l) => l.replace(/^f\.spec\.yaml:\d+:\d+: scenarios\[0\]\./, ''))).toEqual([
      'steps[0].break.headers.X Bad: header name "X Bad" is not an HTTP token: letters, digits and !#$%&\'*+-.^_`|~ only',
      'steps[0].break.headers.X-Ok: a header value cannot hold CR or LF (it would end the header and start another)',
      'steps[0].break.headers.X-Nul: a header value cannot hold NUL',
      'steps[0].break.nonce: a header value cannot hold CR or LF (it would end the header and start another)',
      'steps[0].break.method: method "GE T" is not an HTTP method: letters, digits and !#$%&\'*+-.^_`|~ only',
      'steps[0].break.path: a path goes on the request line: no space, CR, LF, NUL or other control character (percent-encode them, e.g. %20)',
      'steps[1].idempotency_key: a header value cannot hold CR or LF (it would end the header and start another)',
      'steps[1].expect.headers.Bad Name: header name "Bad Name" is not an HTTP token, so no answer can have it',
    ]);
  });

  it('operations, states, breaks, contracts and the error body of another profile than the file\'s', () => {
    // Arrange
    const vpws = 'profile: vpws\nscenarios:\n';
    const steps =
      '      - charge: {}\n' +
      '      - state: { name: charge is settled }\n' +
      '      - vpws_cancel: { referenceCode: x }\n        break: { nonce: n }\n        idempotency_key: "${run.unique}"\n' +
      '      - vpws_cancel: { referenceCode: x }\n        expect: { status: 400, error: standard }\n';
    // Act
    const found = lines(scenario(steps, vpws, 'vpws.test.one', '2/auth').replace('    steps:', '    needs: [state_hook, pending_card]\n    contract: { description: d, given: { state: a settled charge } }\n    steps:'));
    // Assert
    expect(found.map((l) => l.replace(/^f\.spec\.yaml:\d+:\d+: scenarios\[0\]\./, ''))).toEqual([
      'contract.given.state: "a settled charge" is not a provider state of profile vpws (one of "vpws transaction exists")',
      'needs[1]: "pending_card" is not a need of profile vpws (one of state_hook)',
      'steps[0].charge: charge is not an operation of profile vpws (a vpws step is one of vpws_cancel, state)',
      'steps[1].state.name: "charge is settled" is not a state of profile vpws (its state hook sets up "vpws transaction exists")',
      'steps[2].break: break changes signed viopay-pos requests; profile vpws has none',
      'steps[2].idempotency_key: an Idempotency-Key is sent with viopay-pos charges; profile vpws has none',
      'steps[3].expect.error: profile vpws has no standard error body (expect the status and the fields instead)',
    ]);
  });

  it('non-finite numbers, ranges a repeat cannot meet, and repeated bodies of gigabytes', () => {
    const found = lines(
      scenario(
        '      - charge: { amount: { value: .nan } }\n' +
          '      - charge: {}\n        repeat: 3\n        expect_all: { ok: { min: 5 }, distinct: { path: charge_id, min: 2, max: 1 } }\n' +
          '      - charge: {}\n        repeat: 2000\n        break: { body_bytes: 16777216 }\n        expect_all: {}\n',
      ),
    );
    expect(found.map((l) => l.replace(/^f\.spec\.yaml:\d+:\d+: scenarios\[0\]\./, ''))).toEqual([
      'steps[0].charge.amount.value: NaN is not a finite number',
      'steps[1].expect_all.ok.min: min 5 is more than the 3 answers of repeat: 3',
      'steps[1].expect_all.distinct: min 2 is more than max 1: no answer can meet it',
      'steps[2].repeat: 2000 bodies of 16777216 bytes are more than the 64 MiB a repeated step may send in all',
    ]);
  });

  it('a pattern with a placeholder compiles with the placeholder standing for text', () => {
    expect(lines(scenario('      - as: c\n        charge: {}\n      - charge: {}\n        expect: { fields: { charge_id: { pattern: "^${c.charge_id}$" } } }\n'))).toEqual([]);
  });
});
