/**
 * Token faults of the VPWS catalogue (PROFILE 2: 2/auth, 2/token-exact): each replaces the
 * `authenticate` rule with a way real implementations get the token *almost* right, passing every
 * obvious test (the right token works, no token and a made-up one are refused).
 */
import { plainRefusal } from './refusals';
import { bearerToken, dealerOf, referenceVpwsRules as ref, type VpwsContext } from './rules';
import type { Dealer, VpwsHttpRequest, VpwsRefusal } from './types';
import type { VpwsFaultVariant } from './variant-types';

const unauthorized = (ctx: VpwsContext): VpwsRefusal => plainRefusal(401, 'unauthorized', ctx.options.liberties);

/** The Bearer token compared by `same` instead of exactly. */
const comparedBy =
  (same: (given: string, expected: string) => boolean) =>
  (request: VpwsHttpRequest, ctx: VpwsContext): Dealer | VpwsRefusal =>
    dealerOf(bearerToken(request.authorization), ctx, same) ?? unauthorized(ctx);

/** Without an Authorization header, a token found by `find` counts (with one, the reference rule). */
const tokenAlsoFrom =
  (find: (request: VpwsHttpRequest) => string | undefined) =>
  (request: VpwsHttpRequest, ctx: VpwsContext): Dealer | VpwsRefusal =>
    request.authorization === undefined ? (dealerOf(find(request), ctx) ?? unauthorized(ctx)) : ref.authenticate(request, ctx);

function bodyField(request: VpwsHttpRequest, field: string): string | undefined {
  try {
    const value = (JSON.parse(request.body.toString('utf8')) as Record<string, unknown> | null)?.[field];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export const VPWS_AUTH_FAULTS: VpwsFaultVariant[] = [
  {
    name: 'vpws-token-not-required',
    title: 'A request without an Authorization header is served as dealer_a',
    clause: '2/auth',
    level: 'MUST',
    rules: { authenticate: (request, ctx) => (request.authorization === undefined ? 'dealer_a' : ref.authenticate(request, ctx)) },
    caughtBy: ['vpws.auth.no-token'],
  },
  {
    name: 'vpws-any-token-accepted',
    title: 'Any Bearer token is accepted; an unknown one is served as dealer_a',
    clause: '2/auth',
    level: 'MUST',
    rules: {
      authenticate: (request, ctx) => {
        const dealer = ref.authenticate(request, ctx);
        return typeof dealer === 'string' || request.authorization === undefined ? dealer : 'dealer_a';
      },
    },
    caughtBy: ['vpws.auth.invalid-token'],
  },
  {
    name: 'vpws-token-appended-accepted',
    title: 'A token with characters appended is accepted (the token only has to start with the dealer\'s)',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: comparedBy((given, expected) => given.startsWith(expected)) },
    caughtBy: ['vpws.token.char-appended'],
  },
  {
    name: 'vpws-token-truncated-accepted',
    title: 'A token cut short is accepted (the dealer\'s token only has to start with it)',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: comparedBy((given, expected) => expected.startsWith(given)) },
    caughtBy: ['vpws.token.last-char-cut'],
  },
  {
    name: 'vpws-token-case-insensitive',
    title: 'Tokens are compared case-insensitively',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: comparedBy((given, expected) => given.toLowerCase() === expected.toLowerCase()) },
    caughtBy: ['vpws.token.upper-case', 'vpws.token.lower-case'],
  },
  {
    name: 'vpws-token-from-query',
    title: 'Without an Authorization header, the token is taken from the query string (?access_token=)',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: tokenAlsoFrom((request) => request.query.get('access_token') ?? undefined) },
    caughtBy: ['vpws.token.in-query'],
  },
  {
    name: 'vpws-token-from-body',
    title: 'Without an Authorization header, the token is taken from the body (access_token)',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: tokenAlsoFrom((request) => bodyField(request, 'access_token')) },
    caughtBy: ['vpws.token.in-body'],
  },
  {
    name: 'vpws-token-from-other-header',
    title: 'Without an Authorization header, the token is taken from an X-Access-Token header',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: tokenAlsoFrom((request) => headerValue(request.headers['x-access-token'])) },
    caughtBy: ['vpws.token.in-other-header'],
  },
  {
    name: 'vpws-empty-bearer-accepted',
    title: 'An empty Bearer value skips the token check and is served as dealer_a (the default dealer)',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: (request, ctx) => (/^bearer\s*$/i.test(request.authorization ?? '') ? 'dealer_a' : ref.authenticate(request, ctx)) },
    caughtBy: ['vpws.token.empty-bearer'],
  },
  {
    name: 'vpws-scheme-case-sensitive',
    title: 'Only the scheme written exactly "Bearer" is accepted (RFC 7235: the scheme is case-insensitive)',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: (request, ctx) => dealerOf(/^Bearer +(\S+) *$/.exec(request.authorization ?? '')?.[1], ctx) ?? unauthorized(ctx) },
    caughtBy: ['vpws.token.scheme-lower-case', 'vpws.token.scheme-upper-case'],
  },
  {
    name: 'vpws-token-without-scheme',
    title: 'The token is whatever is left after removing "Bearer ": a bare token without the scheme is accepted',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: (request, ctx) => dealerOf(request.authorization?.replace(/^Bearer +/i, ''), ctx) ?? unauthorized(ctx) },
    caughtBy: ['vpws.token.no-scheme'],
  },
  {
    name: 'vpws-token-second-word',
    title: 'The token is the second word of the header, whatever the scheme and whatever follows',
    clause: '2/token-exact',
    level: 'MUST',
    rules: { authenticate: (request, ctx) => dealerOf(request.authorization?.split(' ')[1], ctx) ?? unauthorized(ctx) },
    caughtBy: ['vpws.token.basic-scheme', 'vpws.token.other-scheme', 'vpws.token.trailing-word'],
  },
];
