/**
 * The policies the register and plans routes name in `config: { policy }`, with the rule each stands
 * for. Identity implements enforcement (src/modules/access); these are the names and their intent.
 */
export const REGISTER_POLICIES = {
  'register.read': 'any signed-in user reads the register, its history and gaps',
  'register.manage': 'the coordinator creates, edits, assigns and cancels Program tasks',
  'register.views.self': 'any signed-in person keeps their own saved views of the register',
  'plans.read': "any signed-in user reads agencies' plans and their roll-up",
  'plans.manage': "the focal officer of the plan's agency builds and edits that agency's plan",
  'extensions.request': "the focal officer or head of the task's lead agency asks for a deadline extension",
  'extensions.decide': 'the coordinator approves or refuses an extension',
} as const;

export type RegisterPolicy = keyof typeof REGISTER_POLICIES;
