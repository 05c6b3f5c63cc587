import { z } from 'zod';
import { isoTime } from './register.presenter.ts';
import { viewSettingsSchema } from './register-views.inputs.ts';
import type { RegisterViewRow } from './register-views.repository.ts';

/** A saved view as the API shows it to its owner. */
export const registerViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  settings: viewSettingsSchema.describe('Filters, sort and columns, as the register page keeps them'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const presentRegisterView = (v: RegisterViewRow) => ({
  ...v,
  createdAt: isoTime(v.createdAt)!,
  updatedAt: isoTime(v.updatedAt)!,
});
