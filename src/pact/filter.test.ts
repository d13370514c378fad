/** The request filter hands an interaction's request to its profile and the captured answer back to it; other requests pass untouched. */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContractVerifier } from '../profiles/contract-side';
import type { PaycertComment } from './contract-file';
import { requestFilter, type Observation } from './filter';
import { CUT_HEADER } from './guard';
import { INTERACTION_HEADER } from './names';

const COMMENT: PaycertComment = { interaction: 'x.contract.one', check: { level: 'MUST', clause: '1/x' } };

describe('requestFilter', () => {
  let server: Server;
  let url = '';
  const prepared: Array<{ headers: IncomingMessage['headers']; comment: PaycertComment }> = [];
  const judged: string[] = [];
  const observed = new Map<string, Observation>();
  let cut = false;
  const verifier: ContractVerifier = {
    states: {},
    prepareRequest(req, comment) {
      prepared.push({ headers: { ...req.headers }, comment });
      req.headers['x-signed'] = 'yes';
    },
    answerProblems(_comment, status, body) {
      judged.push(`${status} ${body.toString('utf8')}`);
      return body.toString('utf8') === 'ok' ? [] : ['not ok'];
    },
  };

  beforeAll(async () => {
    const filter = requestFilter(verifier, new Map([[COMMENT.interaction, COMMENT]]), observed);
    server = createServer((req, res) =>
      filter(req, res, () => {
        if (cut) res.setHeader(CUT_HEADER, 'answer larger than 1 KiB: truncated');
        res.writeHead(200, { 'x-saw-signed': String(req.headers['x-signed'] ?? 'no') });
        res.write(String(req.headers['x-answer'] ?? 'o').slice(0, 1));
        res.end(String(req.headers['x-answer'] ?? 'ok').slice(1));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const get = (headers: Record<string, string>) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers }, (res) => res.resume().on('end', () => resolve(res)));
      req.on('error', reject);
      req.end();
    });

  it("prepares an interaction's request by its profile, without the interaction header, and judges the whole answer", async () => {
    // Arrange
    prepared.length = 0;
    judged.length = 0;
    // Act
    const good = await get({ [INTERACTION_HEADER]: COMMENT.interaction, 'x-answer': 'ok' });
    const seenGood = observed.get(COMMENT.interaction);
    await get({ [INTERACTION_HEADER]: COMMENT.interaction, 'x-answer': 'bad' });
    // Assert
    expect(good.headers['x-saw-signed']).toBe('yes');
    expect(prepared[0]!.comment).toBe(COMMENT);
    expect(prepared[0]!.headers[INTERACTION_HEADER.toLowerCase()]).toBeUndefined();
    expect(judged).toEqual(['200 ok', '200 bad']);
    expect(seenGood).toEqual({ status: 200, problems: [] });
    expect(observed.get(COMMENT.interaction)).toEqual({ status: 200, problems: ['not ok'] });
  });

  it('passes a request of no known interaction untouched', async () => {
    // Arrange
    prepared.length = 0;
    // Act
    const other = await get({ [INTERACTION_HEADER]: 'x.contract.unknown' });
    const none = await get({});
    // Assert
    expect([other.headers['x-saw-signed'], none.headers['x-saw-signed']]).toEqual(['no', 'no']);
    expect(prepared).toEqual([]);
  });

  it('an answer the guard cut is judged by the cut alone', async () => {
    // Arrange
    cut = true;
    judged.length = 0;
    // Act
    await get({ [INTERACTION_HEADER]: COMMENT.interaction, 'x-answer': 'ok' });
    cut = false;
    // Assert
    expect(observed.get(COMMENT.interaction)).toEqual({ status: 200, problems: ['answer larger than 1 KiB: truncated'] });
    expect(judged).toEqual([]);
  });
});
