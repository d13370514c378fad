import { toCurl } from '../client/exchange';
import type { Failure } from '../core/types';
import { formatFailure, REPLAY_NOTE } from './failure-format';
import { FAILED, TARGET_URL, sampleExchange } from './sample-report';

const failure = FAILED.failure!;

describe('formatFailure', () => {
  it('says which check failed, at what level, with the message and step', () => {
    // Act
    const text = formatFailure(failure);
    // Assert
    expect(text).toContain('MUST [nonce.replay] A replayed nonce is refused');
    expect(text).toContain('expected 401, got 200');
    expect(text).toContain('step: send the same signed request again');
  });

  it('shows what was sent: method, path, every header and the decrypted plaintext', () => {
    const text = formatFailure(failure);
    expect(text).toContain('POST /pos/charge?trace=1');
    for (const [name, value] of sampleExchange().request.headers) expect(text).toContain(`${name}: ${value}`);
    expect(text).toContain('request plaintext (decrypted)');
    expect(text).toContain('411111******1111');
  });

  it('shows what came back: status, headers and the decrypted plaintext', () => {
    const text = formatFailure(failure);
    expect(text).toContain('status 200');
    expect(text).toContain('x-trace: tr-9');
    expect(text).toContain('"charge_id": "ch_replayed_42"');
  });

  it('shows expected and actual as JSON with sorted keys', () => {
    const text = formatFailure(failure);
    expect(text).toContain('Expected\n  {\n    "code": "4001",\n    "status": 401\n  }');
    expect(text.indexOf('"charge_id"')).toBeLessThan(text.indexOf('"status": "approved"'));
  });

  it('gives the curl replay with its nonce note and the paycert command with seed and path', () => {
    const text = formatFailure(failure);
    expect(text).toContain(toCurl(sampleExchange()));
    expect(text).toContain(REPLAY_NOTE);
    expect(text).toContain('paycert run --check nonce.replay --seed=42 --path=0:1');
  });

  it('gives only its own command for a check paycert run does not run (a client judge\'s)', () => {
    // Arrange
    const judged: Failure = { ...failure, replay: { command: 'paycert client (then run the same flow of the app again)', byRun: false } };
    // Act
    const text = formatFailure(judged);
    // Assert
    expect(text).toContain('paycert client (then run the same flow of the app again)');
    expect(text).not.toContain('paycert run');
  });

  it('shows the body when there is no plaintext, cut to about 2 KB', () => {
    // Arrange
    const exchange = sampleExchange();
    exchange.response = { status: 500, headers: {}, body: 'x'.repeat(10_000), truncated: true };
    // Act
    const text = formatFailure({ ...failure, exchange });
    // Assert
    expect(text).toContain('response body:');
    expect(text).toContain('7952 more characters not shown');
    expect(text).toContain('the client kept only the start of this body');
    expect(text.length).toBeLessThan(6000);
  });

  it('shows the transport error when nothing came back', () => {
    const exchange = sampleExchange();
    delete exchange.response;
    exchange.transportError = 'connect ECONNREFUSED 127.0.0.1:1234';
    expect(formatFailure({ ...failure, exchange })).toContain('no response: connect ECONNREFUSED 127.0.0.1:1234');
  });

  it('gives no nonce note for a request that carries no nonce (VPWS, Viva), and rounds the duration', () => {
    // Arrange
    const exchange = sampleExchange();
    exchange.request.headers = [['Content-Type', 'application/json']];
    exchange.durationMs = 14.157014999999774;
    // Act
    const text = formatFailure({ ...failure, exchange });
    // Assert
    expect(text).not.toContain(REPLAY_NOTE);
    expect(text).toContain('after 14 ms');
  });

  it('prints Expected and Actual only when the failure has them', () => {
    const text = formatFailure({ ...failure, expected: undefined, actual: ['problem'] });
    expect(text).not.toContain('Expected');
    expect(text).toContain('Actual\n  [\n    "problem"\n  ]');
  });

  it('without an exchange still says how to run the check again, and prints no curl', () => {
    const bare: Failure = { checkId: 'ts.forms', title: 'T', level: 'SHOULD', message: 'm' };
    const text = formatFailure(bare);
    expect(text).toContain('paycert run --check ts.forms');
    expect(text).not.toContain('curl');
    expect(text).not.toContain('--seed');
  });

  it('names the run\'s target in the paycert command: config or URL, profile, and a property\'s replay path', () => {
    // Arrange
    const fromConfig: Failure = { ...failure, replay: { target: ['--config', 'lab target.yaml', '--profile', 'vpws'] } };
    const fromUrl: Failure = { ...failure, replay: { seed: -3, path: '1:0', replayPath: 'AAB', target: ['--target', 'http://127.0.0.1:8080'] } };
    // Act / Assert
    expect(formatFailure(fromConfig)).toContain("paycert run --config 'lab target.yaml' --profile vpws --check nonce.replay");
    expect(formatFailure(fromUrl)).toContain('paycert run --target http://127.0.0.1:8080 --check nonce.replay --seed=-3 --path=1:0 --replay-path=AAB');
  });

  it('prints a check\'s own command only when it is not a paycert run (Pact)', () => {
    const pact = formatFailure({ ...failure, replay: { command: 'paycert pact verify --pact contracts/x.json' } });
    const property = formatFailure({ ...failure, replay: { command: 'paycert run --check nonce.replay --seed=1', seed: 1, target: ['--target', 'http://h'] } });
    expect(pact).toContain('paycert pact verify --pact contracts/x.json');
    expect(property).toContain('paycert run --target http://h --check nonce.replay --seed=1');
    expect(property.match(/paycert run/g)).toHaveLength(1);
  });

  it('shows the steps before the failing one compactly, and a curl line for every step', () => {
    // Arrange
    const charge = sampleExchange();
    const cancel = sampleExchange();
    cancel.request.url = `${TARGET_URL}/pos/charges/ch_1/cancel`;
    cancel.response!.plaintext = { charge_id: 'ch_1', status: 'cancelled' };
    const refund = sampleExchange();
    refund.request.url = `${TARGET_URL}/pos/charges/ch_1/refund`;
    const steps = [
      { step: 'step 1 (charge as c)', exchange: charge },
      { step: 'step 2 (cancel)', exchange: cancel, repeats: 3 },
      { step: 'step 3 (refund)', exchange: refund },
    ];
    // Act
    const text = formatFailure({ ...failure, exchange: refund, steps, step: 'step 3 (refund)' });
    // Assert
    expect(text).toContain('Steps before the failing one (2)');
    expect(text).toContain('step 1 (charge as c): POST /pos/charge?trace=1 -> status 200');
    expect(text).toContain('step 2 (cancel): POST /pos/charges/ch_1/cancel (x3) -> status 200');
    expect(text).toContain('got:  {"charge_id":"ch_1","status":"cancelled"}');
    expect(text).toContain('# step 2 (cancel): sent 3 times');
    for (const exchange of [charge, cancel, refund]) expect(text).toContain(toCurl(exchange));
    // The failing step in full, once: its headers are listed under Sent.
    expect(text.indexOf('Sent')).toBeGreaterThan(text.indexOf('Steps before the failing one'));
  });

  it('makes control characters from the target visible instead of printing them', () => {
    const exchange = sampleExchange();
    exchange.response = { status: 400, headers: {}, body: 'bad\u001b[2Jthing', truncated: false };
    const text = formatFailure({ ...failure, exchange });
    expect(text).toContain('bad\\u001b[2Jthing');
  });

  it('colours only when asked', () => {
    expect(formatFailure(failure)).not.toContain('\u001b');
    expect(formatFailure(failure, { color: true })).toContain('\u001b[31m');
  });
});
