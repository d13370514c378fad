/** Assertions on client answers, shared by the tests that drive a target. */
import type { Answer } from '../client';

/** A 200 whose envelope, KCV and plaintext schema the client found no fault with; returns the plaintext. */
export function expectOk<T = unknown>(answer: Answer): T {
  expect({ status: answer.status, problems: answer.problems, error: answer.error }).toEqual({
    status: 200,
    problems: [],
    error: undefined,
  });
  return answer.plaintext as T;
}

/** A refusal with this status and the PROFILE 1.4 error body with this code (or a code matching it). */
export function expectRefused(answer: Answer, status: number, code: string | RegExp): void {
  expect({ status: answer.status, problems: answer.problems }).toEqual({ status, problems: [] });
  expect(answer.error).toBeDefined();
  if (typeof code === 'string') expect(answer.error?.code).toBe(code);
  else expect(answer.error?.code).toMatch(code);
}
