/**
 * Test support: a reference target on an ephemeral port and a client signed in as its terminal.
 * The test that calls `startReference` closes it (`await ref.close()`).
 */
import { PosClient, type ClientOptions } from '../../../client';
import type { PosCredentials } from '../../../client/credentials';
import { DEFAULT_USER_AGENT } from '../../../profile/pos';
import { REFERENCE_CREDENTIALS, startReferenceTarget, type RunningTarget, type TargetOptionsInput } from '../target';

export function referenceCredentials(baseUrl: string): PosCredentials {
  return {
    baseUrl,
    terminalId: REFERENCE_CREDENTIALS.terminalId,
    keyId: REFERENCE_CREDENTIALS.keyId,
    hmacSecret: REFERENCE_CREDENTIALS.hmacSecret,
    msk: Buffer.from(REFERENCE_CREDENTIALS.msk, 'hex'),
    kcvMethod: 'cmac',
    userAgent: DEFAULT_USER_AGENT,
  };
}

export interface Reference {
  target: RunningTarget;
  client: PosClient;
  close(): Promise<void>;
}

export async function startReference(options: TargetOptionsInput = {}, clientOptions: ClientOptions = {}): Promise<Reference> {
  const target = await startReferenceTarget(options);
  const creds = referenceCredentials(target.url);
  if (options.kcvMethod) creds.kcvMethod = options.kcvMethod;
  const client = new PosClient(creds, { now: options.now, ...clientOptions });
  return { target, client, close: () => target.close() };
}
