import { REQUEST_HOST, REQUEST_PATH, REQUEST_SCHEME } from '../../request';
import { problems, type UriCheck } from '../uri-check';

/** `vivapayclient://pay/v1`: a terminal opens nothing else. */
export const requestUri: UriCheck = {
  id: 'viva.request.uri',
  title: 'The request URI is vivapayclient://pay/v1',
  level: 'MUST',
  clause: '3/request-uri',
  run: (r) =>
    problems(
      r.scheme !== REQUEST_SCHEME && `scheme is "${r.scheme}", not "${REQUEST_SCHEME}"`,
      r.host !== REQUEST_HOST && `host is "${r.host}", not "${REQUEST_HOST}"`,
      r.path !== REQUEST_PATH && `path is "${r.path}", not "${REQUEST_PATH}"`,
    ),
};
