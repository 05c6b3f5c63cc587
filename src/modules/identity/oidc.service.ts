import * as oidc from 'openid-client';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type IdentityContext, normalizeEmail, openSession } from './auth.service.ts';
import { sessionsRepository } from './sessions.repository.ts';
import { hashToken } from './tokens.ts';
import { usersRepository } from './users.repository.ts';

/**
 * OpenID Connect sign-in (authorization code + PKCE) against the issuer in OIDC_ISSUER, so a ministry's
 * single sign-on can be used. It only signs in people who already have an active account here, matched
 * by the verified email in the ID token: the platform never creates accounts from the issuer's word.
 */
export function oidcEnabled(ctx: IdentityContext): boolean {
  return ctx.options.oidc !== undefined;
}

const configurations = new WeakMap<IdentityContext, Promise<oidc.Configuration>>();

function configuration(ctx: IdentityContext): Promise<oidc.Configuration> {
  const settings = ctx.options.oidc;
  if (!settings) throw notFound('Single sign-on');
  let found = configurations.get(ctx);
  if (!found) {
    const issuer = new URL(settings.issuer);
    // Plain http only for an issuer on this machine (development, tests).
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
    found = oidc.discovery(
      issuer,
      settings.clientId,
      { redirect_uris: [settings.redirectUrl], response_types: ['code'] },
      settings.clientSecret ? oidc.ClientSecretPost(settings.clientSecret) : oidc.None(),
      local ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    // A failed discovery (issuer down) is retried on the next sign-in rather than remembered.
    found.catch(() => configurations.delete(ctx));
    configurations.set(ctx, found);
  }
  return found;
}

export async function startOidcSignIn(ctx: IdentityContext): Promise<{ url: string; state: string }> {
  const config = await configuration(ctx);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await sessionsRepository(ctx.db).saveOidcLogin(hashToken(state), codeVerifier, nonce);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ctx.options.oidc!.redirectUrl,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

/**
 * Completes the flow; returns a session token, or null for any failure (the browser is sent back to the
 * sign-in page with the neutral message, and the audit trail records why).
 */
export async function finishOidcSignIn(
  ctx: IdentityContext,
  callbackUrl: URL,
  browserState: string | undefined,
  actor: Actor,
): Promise<string | null> {
  const config = await configuration(ctx);
  const state = callbackUrl.searchParams.get('state') ?? '';
  const fail = async (reason: string, userId: number | null = null) => {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, actor, {
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: userId,
        after: { method: 'oidc', reason },
      }),
    );
    return null;
  };
  // The state must be the one this browser started with (login CSRF) and not used before.
  if (!browserState || browserState !== state) return fail('state_mismatch');
  const pending = await sessionsRepository(ctx.db).takeOidcLogin(hashToken(state));
  if (!pending) return fail('state_unknown_or_expired');
  let email: unknown;
  let verified: unknown;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    ({ email, email_verified: verified } = claims);
    // Issuers that follow the spec strictly put scope claims in UserInfo, not in the ID token.
    if (typeof email !== 'string') {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      ({ email, email_verified: verified } = info);
    }
  } catch (error) {
    return fail(`provider_error: ${(error as Error).message.slice(0, 200)}`);
  }
  if (typeof email !== 'string' || verified !== true) return fail('no_verified_email');
  const user = await usersRepository(ctx.db).credentials(normalizeEmail(email));
  if (!user) return fail('unknown_user');
  if (user.disabled || (user.isDemo && !ctx.options.demo)) return fail('disabled', user.id);
  return ctx.db.transaction((tx) => openSession(ctx, tx, user.id, 'oidc', actor));
}
