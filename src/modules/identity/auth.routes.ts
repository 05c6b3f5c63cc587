import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../server/access.ts';
import { canMap } from '../access/policies.ts';
import type { Subject } from '../access/subject.ts';
import {
  changePassword,
  confirmPasswordReset,
  type IdentityContext,
  requestPasswordReset,
  resolveSession,
  signIn,
  signOut,
  signOutEverywhere,
} from './auth.service.ts';
import { meSchema, presentMe } from './identity.presenter.ts';
import { finishOidcSignIn, oidcEnabled, startOidcSignIn } from './oidc.service.ts';
import { usersRepository } from './users.repository.ts';

const tags = ['auth'];
export const emailField = z.string().trim().max(254).pipe(z.email('must be an email address'));
const email = emailField;
const password = z.string().min(1, 'is required').max(200);
const OIDC_STATE_COOKIE = 'oidc_state';

/** Secure when the request came over https, or always with COOKIE_SECURE=true (TLS ends at a proxy). */
const secure = (request: FastifyRequest) =>
  request.server.identity.options.cookieSecure || request.protocol === 'https';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(request),
    path: '/',
    maxAge: request.server.identity.options.session.maxHours * 3600,
  });
}

function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** GET /api/me's answer: the person, their roles with the units' names, and the UI policies. */
async function me(ctx: IdentityContext, subject: Subject) {
  const ids = subject.user ? [subject.user.orgUnitId, ...subject.grants.map((g) => g.orgUnitId)] : [];
  const units = await usersRepository(ctx.db).unitNames([...new Set(ids)]);
  return presentMe(subject, canMap(subject), units);
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.identity;

  app.post(
    '/auth/sign-in',
    {
      config: {
        policy: 'public',
        rateLimit: {
          max: ctx.options.rateLimits.signIn,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `sign-in:${request.ip}`,
        },
      },
      schema: {
        tags,
        summary: 'Sign in with work email and password; sets the session cookie',
        description:
          'Any failure answers 401 invalid_credentials, whichever it was. Five failures lock the account ' +
          'for 15 minutes; repeated failures from one address lock the address.',
        body: z.object({ email, password }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { token } = await signIn(ctx, request.body, request.actor);
      setSessionCookie(request, reply, token);
      const { subject } = await resolveSession(ctx, token);
      return me(ctx, subject);
    },
  );

  app.post(
    '/auth/sign-out',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'End this session (harmless when not signed in)',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await signOut(ctx, request.sessionHash, request.actor);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      config: { policy: 'signed_in' },
      schema: {
        tags,
        summary: "End every one of the caller's sessions, on every device",
        response: { 200: z.object({ revokedSessions: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const revokedSessions = await signOutEverywhere(ctx, request.subject.user!.id, request.actor);
      clearSessionCookie(reply);
      return { revokedSessions };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { policy: 'signed_in' },
      schema: {
        tags,
        summary: 'Change the password (re-enter the current one); other sessions are ended',
        body: z.object({ currentPassword: password, newPassword: password }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(
        ctx,
        { userId: request.subject.user!.id, sessionHash: request.sessionHash, ...request.body },
        request.actor,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset/request',
    {
      config: {
        policy: 'public',
        rateLimit: {
          max: ctx.options.rateLimits.signIn,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `reset:${request.ip}`,
        },
      },
      schema: {
        tags,
        summary: 'Email a single-use reset link if the address has an account; answers 202 either way',
        body: z.object({ email }),
        response: { 202: z.object({ accepted: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, request.actor);
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Set a new password from a reset link; ends every session of the account',
        body: z.object({ token: z.string().min(1).max(100), newPassword: password }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(ctx, request.body, request.actor);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Begin single sign-on (OpenID Connect, code + PKCE); 404 when not configured',
      },
    },
    async (request, reply) => {
      const { url, state } = await startOidcSignIn(ctx);
      reply.setCookie(OIDC_STATE_COOKIE, state, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request),
        path: '/api/auth/oidc',
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Return from the identity provider; signs in the active user with that verified email',
        querystring: z.record(z.string(), z.string()),
      },
    },
    async (request, reply) => {
      const browserState = request.cookies[OIDC_STATE_COOKIE];
      reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/auth/oidc' });
      const callbackUrl = new URL(request.url, ctx.options.oidc?.redirectUrl ?? ctx.options.publicUrl);
      const token = await finishOidcSignIn(ctx, callbackUrl, browserState, request.actor);
      if (!token) return reply.redirect('/sign-in?error=invalid_credentials', 302);
      setSessionCookie(request, reply, token);
      return reply.redirect('/', 302);
    },
  );

  app.get(
    '/me',
    {
      // Public, so a signed-out visitor gets a 200 rather than a 401 the browser logs on every page.
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'The signed-in person (null when signed out), their roles and units, and what they may do',
        description:
          'Always 200: signed out, `user` is null, `roles` empty and every `can` false. ' +
          'Units come with their code and Vietnamese and English names.',
        response: { 200: meSchema },
      },
    },
    async (request) => me(ctx, request.subject),
  );

  app.get(
    '/meta',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: 'What every page needs to know: demo mode (show a banner), single sign-on available',
        response: {
          200: z.object({ demo: z.boolean(), oidc: z.boolean(), version: z.string() }),
        },
      },
    },
    async () => ({ demo: ctx.options.demo, oidc: oidcEnabled(ctx), version: '0.1.0' }),
  );
};
