import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { defaultIdentityOptions, type IdentityOptions } from '../modules/identity/identity-options.ts';
import { createMailer } from '../modules/identity/mailer.ts';
import { registerAccess } from './access.ts';
import { frameworkErrors, refuse, registerErrorHandling } from './error-handler.ts';
import { registerInputGuard } from './input-guard.ts';
import { publicCache } from './public-cache.ts';
import { readReplicas } from './read-replicas.ts';
import { registerRoutes } from './routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export const WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

export interface AppOptions {
  database: Database;
  logLevel?: string;
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
  /** Sign-in, sessions, demo mode, mail and single sign-on (src/modules/identity/identity-options.ts). */
  identity?: IdentityOptions;
  /** Fastify's trustProxy (TRUST_PROXY): client addresses from X-Forwarded-For behind a reverse proxy. */
  trustProxy?: boolean | string[];
  /** Read replicas (DATABASE_REPLICA_URL) for the public pages; none: everything reads the primary. */
  replicas?: Database[];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    // Query strings like ?group=1&group=2 arrive as arrays; zod decides what is allowed.
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: options.trustProxy ?? false,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', options.database);
  registerErrorHandling(app);
  registerInputGuard(app);
  const identity = options.identity ?? defaultIdentityOptions();
  const sendMail = createMailer(options.database.db, identity, (msg) => app.log.info(msg));
  // Before any route: every route must name its policy, checked as it is added.
  await registerAccess(app, { db: options.database.db, options: identity, sendMail });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'NQ57 Monitor API',
        description:
          'API của nền tảng theo dõi, đánh giá thực hiện Chương trình hành động thực hiện Nghị quyết 57-NQ/TW. ' +
          'Public endpoints under /api/public are stable and need no sign-in.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // Before the public cache: its epoch is read where the page's data is (request.readDb).
  await app.register(readReplicas, { replicas: options.replicas ?? [] });
  await app.register(publicCache);
  await app.register(registerRoutes, { prefix: '/api' });

  const serveWeb = options.serveWeb ?? true;
  const hasWeb = serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    // preCompressed: the web build writes .br/.gz beside its scripts and styles (web/vite.config.ts).
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      maxAge: '1h',
      index: false,
      preCompressed: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (hasWeb && request.method === 'GET' && !url.startsWith('/api') && !url.startsWith('/assets/')) {
      // Client-side routes: the web app decides what to show, including its own "not found" page.
      // A missing /assets/ file (a stale tab after a rebuild) stays a 404, never HTML posing as a script.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return refuse(request, reply, 404, 'not_found', `No route ${request.method} ${url}`);
  });
  return app;
}
