import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, isPolicyName, type PolicyName } from '../modules/access/policies.ts';
import type { Subject } from '../modules/access/subject.ts';
import type { Actor } from '../modules/audit/actor.ts';
import { type IdentityContext, resolveSession } from '../modules/identity/auth.service.ts';
import { AppError } from './errors.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The rule in src/modules/access/policies.ts this route answers to; every route names one. */
    policy?: PolicyName;
  }
  interface FastifyRequest {
    subject: Subject;
    actor: RequestActor;
    /** Hash of the caller's session token, when signed in. */
    sessionHash: string | null;
  }
  interface FastifyInstance {
    identity: IdentityContext;
    /** Every route with the policy it declared, collected as routes are added (permission matrix test). */
    routeTable: RouteEntry[];
  }
}

/**
 * Who acts over HTTP, for the audit trail and the services; `agencyId` is the unit the person works for
 * (the report modules' "own agency" checks), null when anonymous.
 */
export type RequestActor = Actor & { agencyId: number | null };

export interface RouteEntry {
  method: string;
  url: string;
  policy: PolicyName;
}

export const SESSION_COOKIE = 'sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Routes added by plugins we do not write (the OpenAPI viewer): public documentation.
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

/**
 * Sessions, permissions, CSRF and rate limits for every request. Registered before any route, so the
 * onRoute check sees them all: a route under /api without a known policy stops the server at start-up
 * (fail closed). Outside /api only the web app's static GETs exist, and they are public.
 */
export async function registerAccess(app: FastifyInstance, identity: IdentityContext): Promise<void> {
  app.decorate('identity', identity);
  app.decorate('routeTable', [] as RouteEntry[]);
  app.decorateRequest('subject', null as unknown as Subject);
  app.decorateRequest('actor', null as unknown as RequestActor);
  app.decorateRequest('sessionHash', null);

  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    const config = (route.config ?? {}) as { policy?: unknown };
    let policy = config.policy;
    const isApi = route.url.startsWith('/api');
    if (policy === undefined && (PLUGIN_PUBLIC_PREFIXES.some((p) => route.url.startsWith(p)) || !isApi)) {
      if (!isApi && methods.some((m) => !SAFE_METHODS.has(m))) {
        throw new Error(`Route ${methods.join(',')} ${route.url}: outside /api only GET routes may exist`);
      }
      policy = 'public';
    }
    if (!isPolicyName(policy)) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares no known policy: add config: { policy: '…' } ` +
          '(see src/modules/access/policies.ts)',
      );
    }
    route.config = { ...(route.config ?? {}), policy } as typeof route.config;
    for (const method of methods) app.routeTable.push({ method, url: route.url, policy });
  });

  await app.register(fastifyCookie);

  app.addHook('onRequest', async (request) => {
    // The web app's files and pages are public: no session lookup per asset.
    const token = request.url.startsWith('/api') ? request.cookies[SESSION_COOKIE] : undefined;
    const { subject, sessionHash } = await resolveSession(identity, token);
    request.subject = subject;
    request.sessionHash = sessionHash;
    request.actor = {
      userId: subject.user?.id ?? null,
      label: subject.user?.email ?? 'anonymous',
      via: 'api',
      ip: request.ip,
      userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
      agencyId: subject.user?.orgUnitId ?? null,
    };
    if (csrfRejected(request, identity.options.publicUrl)) {
      throw new AppError(
        403,
        'csrf_rejected',
        'Cross-site request refused: send it from the application itself',
      );
    }
    // Unmatched URLs have no route config; the not-found handler answers them.
    const policy = request.routeOptions.config?.policy;
    if (policy) authorize(subject, policy);
  });

  await app.register(fastifyRateLimit, {
    global: true,
    max: identity.options.rateLimits.writes,
    timeWindow: '1 minute',
    // Counted in the database, so a limit holds across every server process (decision 095).
    store: databaseRateLimitStore(identity.db),
    // Reads are cheap and cached by nobody else; writes are limited per person (or address).
    allowList: (request) => SAFE_METHODS.has(request.method),
    keyGenerator: (request) =>
      request.subject?.user ? `user:${request.subject.user.id}` : `ip:${request.ip}`,
  });
}

/**
 * CSRF defence for cookie sessions (decision 0NN-identity-csrf): an unsafe request must come from our
 * own pages. Browsers say so with Sec-Fetch-Site, or else with Origin; a request with neither header is
 * not from a browser, and is refused only when it carries a session cookie.
 */
function csrfRejected(request: FastifyRequest, publicUrl: string): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    try {
      const url = new URL(origin);
      // Through URL on both sides, so a default port (":80") compares equal to none.
      const own = new URL(`${request.protocol}://${request.host}`);
      return url.host !== own.host && url.origin !== new URL(publicUrl).origin;
    } catch {
      return true;
    }
  }
  return Boolean(request.cookies[SESSION_COOKIE]);
}
