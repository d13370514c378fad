/**
 * PROFILE 1.3, the request envelope: fields that are almost right. A lenient hex decoder (Node's
 * Buffer.from stops at the first non-hex character and drops an odd digit) opens every one of
 * them; PROFILE answers each 400 4000. The envelope is built with the right IV and ciphertext, so
 * only the near miss is wrong.
 */
import type { NearMiss } from '../src/client/near-miss';
import type { ProbeFamily } from '../src/probe/family';
import { registerProbesWhenRunByJest } from '../src/probe/jest-entry';

const field = (element: NearMiss['element'], kind: NearMiss['kind'], extra: Partial<NearMiss> = {}): NearMiss => ({ element, kind, ...extra });

export const requestEnvelope: ProbeFamily = {
  id: 'pos.probe.envelope',
  profile: 'viopay-pos',
  clause: '1.3/malformed-envelope',
  level: 'MUST',
  subject: 'A charge envelope whose',
  tags: ['envelope', 'near-miss'],
  step: { charge: {} },
  refused: { status: 400, code: '4000', error: 'standard' },
  accepted: { status: 200, fields: { status: 'approved' } },
  cases: [
    { name: 'iv-33-digits', title: 'initialization_vector has one hex digit more (33)', miss: field('envelope.initialization_vector', 'suffixed', { text: '0' }) },
    { name: 'iv-31-digits', title: 'initialization_vector has one hex digit less (31)', miss: field('envelope.initialization_vector', 'truncated') },
    { name: 'iv-trailing-junk', title: 'initialization_vector is followed by "zz"', miss: field('envelope.initialization_vector', 'suffixed', { text: 'zz' }) },
    { name: 'iv-trailing-space', title: 'initialization_vector is followed by a space', miss: field('envelope.initialization_vector', 'suffixed', { text: ' ' }) },
    { name: 'iv-0x-prefix', title: 'initialization_vector starts with 0x', miss: field('envelope.initialization_vector', 'prefixed', { text: '0x' }) },
    { name: 'iv-inner-space', title: 'initialization_vector has a space inside', miss: field('envelope.initialization_vector', 'inserted', { text: ' ', count: 16 }) },
    { name: 'iv-32-bytes', title: 'initialization_vector is 32 bytes (the right 16 first)', miss: field('envelope.initialization_vector', 'suffixed', { text: '00112233445566778899AABBCCDDEEFF' }) },
    { name: 'iv-8-bytes', title: 'initialization_vector is 8 bytes', break: { envelope: { iv_bytes: 8 } } },
    { name: 'ciphertext-trailing-junk', title: 'ciphertext is followed by "zz"', miss: field('envelope.ciphertext', 'suffixed', { text: 'zz' }) },
    { name: 'ciphertext-odd-digit', title: 'ciphertext has one hex digit more', miss: field('envelope.ciphertext', 'suffixed', { text: '0' }) },
    { name: 'ciphertext-0x-prefix', title: 'ciphertext starts with 0x', miss: field('envelope.ciphertext', 'prefixed', { text: '0x' }) },
    { name: 'ciphertext-inner-space', title: 'ciphertext has a space inside', miss: field('envelope.ciphertext', 'inserted', { text: ' ', count: 32 }) },
    { name: 'format-trailing-space', title: 'format is "TR31-DATA "', miss: field('envelope.format', 'suffixed', { text: ' ' }) },
    { name: 'format-prefixed', title: 'format is "xTR31-DATA"', miss: field('envelope.format', 'prefixed', { text: 'x' }) },
    { name: 'format-truncated', title: 'format is "TR31-DAT"', miss: field('envelope.format', 'truncated') },
    { name: 'format-capitalised', title: 'format is "Tr31-data"', miss: field('envelope.format', 'capitalised') },
    { name: 'mode-trailing-space', title: 'mode is "CBC "', miss: field('envelope.mode', 'suffixed', { text: ' ' }) },
    { name: 'mode-suffixed', title: 'mode is "CBCX"', miss: field('envelope.mode', 'suffixed', { text: 'X' }) },
    { name: 'mode-capitalised', title: 'mode is "Cbc"', miss: field('envelope.mode', 'capitalised') },
    { name: 'mode-empty', title: 'mode is empty', miss: field('envelope.mode', 'empty') },
    { name: 'format-empty', title: 'format is empty', miss: field('envelope.format', 'empty') },
  ],
};

export default [requestEnvelope];

registerProbesWhenRunByJest(__filename, [requestEnvelope]);
