/** A refusal as the target answers it: a status and the PROFILE 1.4 error code and message. */
import { ERROR_CODE } from '../../../profile/pos';

export interface Rejection {
  status: number;
  code: string;
  message: string;
}

export const reject = {
  badRequest: (message: string): Rejection => ({ status: 400, code: ERROR_CODE.badRequest, message }),
  unauthorized: (message: string): Rejection => ({ status: 401, code: ERROR_CODE.unauthorized, message }),
  notFound: (message: string): Rejection => ({ status: 404, code: ERROR_CODE.notFound, message }),
  /** PROFILE 1.1 lets device-header failures be 400 or 401; the target's choice is passed in. */
  withStatus: (status: 400 | 401, message: string): Rejection =>
    status === 400 ? reject.badRequest(message) : reject.unauthorized(message),
};

/** Thrown inside an operation to answer with a rejection; anything else thrown is a 500. */
export class RejectionError extends Error {
  readonly rejection: Rejection;
  constructor(rejection: Rejection) {
    // A refusal is an answer, not a bug: no stack trace (capturing one costs more than the rest of
    // a refused request, and a run sends thousands: 1,100 refused cancels in one replay check).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(rejection.message);
    Error.stackTraceLimit = limit;
    this.rejection = rejection;
  }
}
