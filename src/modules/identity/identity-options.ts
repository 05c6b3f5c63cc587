import type { AppConfig } from '../../config.ts';

/** The configuration the identity services read (see docs/roles.md, "Configuration"). */
export type IdentityConfig = Pick<
  AppConfig,
  'demo' | 'cookieSecure' | 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'oidc' | 'nodeEnv'
>;

/** What the identity services need: the configuration plus limits that tests tighten or loosen. */
export interface IdentityOptions extends IdentityConfig {
  /** Sign-in failures before an account or an address is locked, and for how long. */
  lockout: { accountFailures: number; ipFailures: number; minutes: number };
  /** Requests per minute: sign-in attempts per address, writes per user (or address). */
  rateLimits: { signIn: number; writes: number };
  session: { idleHours: number; maxHours: number };
  resetLinkMinutes: number;
}

export function identityOptions(
  config: IdentityConfig,
  overrides: Partial<IdentityOptions> = {},
): IdentityOptions {
  const { demo, cookieSecure, publicUrl, smtpUrl, mailFrom, oidc, nodeEnv } = config;
  return {
    nodeEnv,
    demo,
    cookieSecure,
    publicUrl,
    smtpUrl,
    mailFrom,
    oidc,
    // Per address the limit is higher than per account: a ministry's staff often share one NAT address.
    lockout: { accountFailures: 5, ipFailures: 20, minutes: 15 },
    rateLimits: { signIn: 10, writes: 120 },
    session: { idleHours: 8, maxHours: 24 * 7 },
    resetLinkMinutes: 60,
    ...overrides,
  };
}

/** Defaults for an app built without configuration (tests, tools): no demo, no SMTP, no SSO. */
export const defaultIdentityOptions = (overrides: Partial<IdentityOptions> = {}) =>
  identityOptions(
    {
      demo: false,
      cookieSecure: false,
      publicUrl: 'http://localhost:3000',
      smtpUrl: undefined,
      mailFrom: 'NQ57 Monitor <no-reply@localhost>',
      oidc: undefined,
      nodeEnv: 'test',
    },
    overrides,
  );

/** Without SMTP, outside production, mail lands in the development outbox (GET /api/dev/mail). */
export const usesDevOutbox = (o: IdentityOptions) => !o.smtpUrl && o.nodeEnv !== 'production';
