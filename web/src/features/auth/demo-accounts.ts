import type { Role } from './api/get-me.ts';

/**
 * The demo accounts of docs/roles.md (src/modules/identity/demo.service.ts), listed on the sign-in page
 * in demo mode only, so a visitor can try each role. They exist only when the server runs in demo mode.
 */
export const DEMO_PASSWORD = 'nq57-demo-2026';

export const DEMO_ACCOUNTS: readonly { email: string; role: Role }[] = [
  { email: 'admin@nq57.example', role: 'system_admin' },
  { email: 'coordinator@nq57.example', role: 'coordinator' },
  { email: 'focal.bkhcn@nq57.example', role: 'focal_officer' },
  { email: 'focal.hanoi@nq57.example', role: 'focal_officer' },
  { email: 'head.bkhcn@nq57.example', role: 'agency_head' },
  { email: 'head.hanoi@nq57.example', role: 'agency_head' },
  { email: 'steering@nq57.example', role: 'steering_viewer' },
  { email: 'auditor@nq57.example', role: 'auditor' },
];
