import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from the environment, is parsed once, and fails fast naming every bad
 * variable. Nothing here reaches the browser; the web app gets an explicit list from /api/meta.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  // An empty value means unset, as shells and .env files often leave it.
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  // Read replicas for public pages (docs/deployment.md): one URL or several, comma-separated.
  DATABASE_REPLICA_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/[^,\s]+(\s*,\s*postgres(ql)?:\/\/[^,\s]+)*$/,
        'must be postgres:// URLs, comma-separated',
      )
      .optional(),
  ),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Behind a reverse proxy: `true`, or the proxies' addresses/CIDRs, comma-separated, so
  // sign-in throttling sees each client's address instead of the proxy's.
  TRUST_PROXY: z.string().min(1).optional(),
  // Identity (docs/roles.md): demo accounts, cookies, mail, single sign-on.
  DEMO_MODE: z.enum(['true', 'false']).optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  PUBLIC_URL: z.url('must be a URL such as https://nq57.example.gov.vn').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('NQ57 Monitor <no-reply@localhost>'),
  OIDC_ISSUER: z.url('must be the issuer URL').optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URL: z.url('must be the callback URL, ending in /api/auth/oidc/callback').optional(),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUrl: string;
}

export type AppConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Read replicas public pages read from (none: everything reads the primary). */
  databaseReplicaUrls: string[];
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  nodeEnv: z.infer<typeof envSchema>['NODE_ENV'];
  trustProxy: boolean | string[];
  /** Demo accounts exist only on the embedded database, unless DEMO_MODE=false. */
  demo: boolean;
  /** Secure cookies always (COOKIE_SECURE=true) or only on https requests. */
  cookieSecure: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  oidc: OidcConfig | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration: DATABASE_REPLICA_URL needs DATABASE_URL (the embedded database has no replicas)',
    );
  }
  const oidcVars = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_REDIRECT_URL];
  if (oidcVars.some(Boolean) && !oidcVars.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URL must be set together',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrls: e.DATABASE_REPLICA_URL?.split(',').map((u) => u.trim()) ?? [],
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    demo: !e.DATABASE_URL && e.DEMO_MODE !== 'false',
    cookieSecure: e.COOKIE_SECURE === 'true',
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_REDIRECT_URL
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            redirectUrl: e.OIDC_REDIRECT_URL,
          }
        : undefined,
  };
}

function parseTrustProxy(value: string | undefined): boolean | string[] {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',').map((v) => v.trim());
}
