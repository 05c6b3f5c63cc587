/**
 * Who is acting, and from where: every service that writes takes an Actor and hands it to the audit
 * trail. HTTP builds it from the session (src/server), the CLI from the operator, jobs as the system.
 */
export interface Actor {
  userId: number | null;
  /** Human-readable: the user's email, "cli:<os user>", or "system:<job>". */
  label: string;
  via: 'api' | 'cli' | 'system';
  ip?: string | null;
  userAgent?: string | null;
}

export function cliActor(): Actor {
  return { userId: null, label: `cli:${process.env.USER ?? process.env.USERNAME ?? 'operator'}`, via: 'cli' };
}

export function systemActor(job: string): Actor {
  return { userId: null, label: `system:${job}`, via: 'system' };
}
