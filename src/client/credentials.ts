/** What the client needs to talk to one target as one terminal (PROFILE section 4). */
import type { KcvMethod } from '../crypto/kcv';

export interface PosCredentials {
  /** `http://host:port`, no trailing slash. */
  baseUrl: string;
  terminalId: string;
  keyId: string;
  /** Never printed, logged or reported. */
  hmacSecret: string;
  /** AES-256 MSK, 32 bytes. Never printed, logged or reported. */
  msk: Buffer;
  kcvMethod: KcvMethod;
  userAgent: string;
}
