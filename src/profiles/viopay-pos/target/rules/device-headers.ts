/** PROFILE 1.1: device headers on every request; a violation is 400 or 401 (MAY, target's choice). */
import { CLIENT_TYPE, HEADER, USER_AGENT_PREFIX } from '../../../../profile/pos';
import { reject, type Rejection } from '../rejection';
import { header, type PosRequest } from '../request';
import type { RuleContext } from './context';

export function checkDeviceHeaders(req: PosRequest, ctx: RuleContext): Rejection | null {
  const status = ctx.options.may.deviceHeaderStatus;
  const terminalId = header(req, HEADER.terminalId);
  if (terminalId === undefined || terminalId === '') return reject.withStatus(status, 'X-Terminal-Id is missing');
  const userAgent = header(req, HEADER.userAgent);
  if (userAgent === undefined || !userAgent.startsWith(USER_AGENT_PREFIX)) {
    return reject.withStatus(status, `User-Agent must start with ${USER_AGENT_PREFIX}`);
  }
  if (header(req, HEADER.clientType) !== CLIENT_TYPE) {
    return reject.withStatus(status, `X-Client-Type must be ${CLIENT_TYPE}`);
  }
  return null;
}
