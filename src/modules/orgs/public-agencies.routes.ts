import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode, searchText } from '../../lib/http.ts';
import { presentTaskSummary, taskSummarySchema } from '../tasks/tasks.presenter.ts';
import { getAgency, listAgencies } from './orgs.service.ts';

const tags = ['public: agencies'];
const agencySchema = z.object({
  code: z.string(),
  kind: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  leadCount: z.number(),
  partnerCount: z.number(),
});

export const publicAgencyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/agencies',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Central bodies and provinces with their task counts; search covers former names',
        querystring: z.object({
          program: programCode,
          q: searchText,
          group: z.enum(['central', 'provincial']).optional(),
        }),
        response: { 200: z.object({ items: z.array(agencySchema), total: z.number() }) },
      },
    },
    async (request) => {
      const { program, ...filter } = request.query;
      const found = await listAgencies(request.readDb, program, filter);
      const items = found.map(({ id: _, ...a }) => a);
      return { items, total: items.length };
    },
  );

  app.get(
    '/public/agencies/:code',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'An agency with the tasks it leads, partners, and shares through collective assignments',
        params: z.object({ code: z.string().regex(/^[A-Za-z0-9_]{1,40}$/, 'must be an agency code') }),
        querystring: z.object({ program: programCode }),
        response: {
          200: z.object({
            id: z.number().int(),
            code: z.string(),
            kind: z.string(),
            nameVi: z.string(),
            nameEn: z.string().nullable(),
            validFrom: z.string().nullable(),
            source: z.string().nullable(),
            formerNames: z.array(
              z.object({ name: z.string(), kind: z.string(), note: z.string().nullable() }),
            ),
            leadTasks: z.array(taskSummarySchema),
            partnerTasks: z.array(taskSummarySchema),
            collectiveTasks: z.array(taskSummarySchema),
          }),
        },
      },
    },
    async (request) => {
      const a = await getAgency(request.readDb, request.query.program, request.params.code);
      return {
        id: a.agency.id,
        code: a.agency.code,
        kind: a.agency.kind,
        nameVi: a.agency.nameVi,
        nameEn: a.agency.nameEn,
        validFrom: a.agency.validFrom,
        source: a.agency.source,
        formerNames: a.aliases,
        leadTasks: a.lead.map(presentTaskSummary),
        partnerTasks: a.partner.map(presentTaskSummary),
        collectiveTasks: a.shared.map(presentTaskSummary),
      };
    },
  );
};
