import type { AppConfig, OidcConfig } from '../../config.ts';

/** What the identity services need from the configuration; tests build their own. */
export interface IdentityOptions {
  demo: boolean;
  cookieSecure: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  oidc: OidcConfig | undefined;
  /** Sign-in failures before an account or an address is locked, and for how long. */
  lockout: { accountFailures: number; ipFailures: number; minutes: number };
  /** Requests per minute: sign-in attempts per address, writes per user (or address). */
  rateLimits: { signIn: number; writes: number };
  session: { idleHours: number; maxHours: number };
  resetLinkMinutes: number;
}

export function identityOptions(
  config: Pick<AppConfig, 'demo' | 'cookieSecure' | 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'oidc'>,
  overrides: Partial<IdentityOptions> = {},
): IdentityOptions {
  return {
    demo: config.demo,
    cookieSecure: config.cookieSecure,
    publicUrl: config.publicUrl,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    oidc: config.oidc,
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
    },
    overrides,
  );
