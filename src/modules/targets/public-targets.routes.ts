import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode, searchText } from '../../lib/http.ts';
import { requireProgram } from '../program/program.service.ts';
import { targetsRepository } from './targets.repository.ts';
import { COMPARISONS } from './targets.schema.ts';

const targetSchema = z.object({
  id: z.number(),
  code: z.string(),
  indicatorNo: z.string().nullable(),
  indicatorGroup: z.object({ no: z.number(), titleVi: z.string() }).nullable(),
  textVi: z.string(),
  textEn: z.string().nullable(),
  targetValueText: z.string(),
  targetValue: z.number().nullable(),
  targetValueMax: z.number().nullable(),
  unit: z.string().nullable(),
  comparison: z.enum(COMPARISONS),
  comparisonInferred: z.boolean(),
  targetYear: z.number().nullable(),
  inNq57: z.boolean(),
  monitoringAgency: z
    .object({
      code: z.string().nullable(),
      nameVi: z.string().nullable(),
      nameEn: z.string().nullable(),
      asWritten: z.string().nullable(),
    })
    .nullable(),
  notes: z.record(z.string(), z.string()),
  sources: z.array(z.string()),
});

export const publicTargetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/targets',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['public: targets'],
        summary: 'Targets of Resolution 57 with values, units and years, by indicator group',
        querystring: z.object({
          program: programCode,
          q: searchText,
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          group: z.coerce.number().int().min(1).max(999).optional(),
          agency: z
            .string()
            .regex(/^[A-Za-z0-9_]{1,40}$/, 'must be an agency code')
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(targetSchema), total: z.number() }) },
      },
    },
    async (request) => {
      const { program: code, ...filter } = request.query;
      const program = await requireProgram(app.database.db, code);
      const found = await targetsRepository(app.database.db).list({ programId: program.id, ...filter });
      const items = found.map((t) => ({
        id: t.id,
        code: t.code,
        indicatorNo: t.indicatorNo,
        indicatorGroup: t.groupNo !== null ? { no: t.groupNo, titleVi: t.groupTitleVi ?? '' } : null,
        textVi: t.textVi,
        textEn: t.textEn,
        targetValueText: t.targetValueText,
        targetValue: t.targetValue === null ? null : Number(t.targetValue),
        targetValueMax: t.targetValueMax === null ? null : Number(t.targetValueMax),
        unit: t.unit,
        comparison: t.comparison as (typeof COMPARISONS)[number],
        comparisonInferred: t.comparisonInferred,
        targetYear: t.targetYear,
        inNq57: t.inNq57,
        monitoringAgency: t.monitoringAgencyAsWritten
          ? {
              code: t.monitoringAgencyCode,
              nameVi: t.monitoringAgencyNameVi,
              nameEn: t.monitoringAgencyNameEn,
              asWritten: t.monitoringAgencyAsWritten,
            }
          : null,
        notes: t.notes,
        sources: t.sources,
      }));
      return { items, total: items.length };
    },
  );
};
