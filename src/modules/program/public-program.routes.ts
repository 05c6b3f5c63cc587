import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode } from '../../lib/http.ts';
import { presentProgram, programSchema } from './program.presenter.ts';
import { programLoadReport, programOverview, programText } from './program.service.ts';

const tags = ['public: program'];
const query = z.object({ program: programCode });

export const publicProgramRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/overview',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Program overview: groups with task counts, deadlines by quarter, agencies with most tasks',
        querystring: query,
        response: {
          200: z.object({
            program: programSchema,
            totals: z.object({
              tasks: z.number(),
              items: z.number(),
              targets: z.number(),
              indicatorGroups: z.number(),
              agencies: z.number(),
            }),
            groups: z.array(
              z.object({
                no: z.number(),
                titleVi: z.string(),
                titleEn: z.string().nullable(),
                taskCount: z.number(),
                itemCount: z.number(),
              }),
            ),
            deadlinesByQuarter: z.array(
              z.object({ year: z.number(), quarter: z.number(), count: z.number() }),
            ),
            deadlineKinds: z.object({
              yearly: z.number(),
              ongoing: z.number(),
              undated: z.number(),
              total: z.number(),
            }),
            topAgencies: z.array(
              z.object({
                code: z.string(),
                nameVi: z.string(),
                nameEn: z.string().nullable(),
                kind: z.string(),
                leadCount: z.number(),
                partnerCount: z.number(),
              }),
            ),
            collectives: z.array(z.object({ collective: z.string(), role: z.string(), count: z.number() })),
          }),
        },
      },
    },
    async (request) => {
      const o = await programOverview(request.readDb, request.query.program);
      return {
        program: presentProgram(o.program),
        totals: o.totals,
        groups: o.groups,
        deadlinesByQuarter: o.quarters,
        deadlineKinds: o.kinds,
        topAgencies: o.topAgencies,
        collectives: o.collectives,
      };
    },
  );

  app.get(
    '/public/program',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'The Program text: its groups and the lettered items of section II',
        querystring: query,
        response: {
          200: z.object({
            program: programSchema,
            groups: z.array(
              z.object({
                no: z.number(),
                titleVi: z.string(),
                titleEn: z.string().nullable(),
                titleSource: z.string().nullable(),
                items: z.array(
                  z.object({ code: z.string(), textVi: z.string(), textSource: z.string().nullable() }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { program, groups } = await programText(request.readDb, request.query.program);
      return {
        program: presentProgram(program),
        groups: groups.map((g) => ({
          no: g.no,
          titleVi: g.titleVi,
          titleEn: g.titleEn,
          titleSource: g.titleSource,
          items: g.items.map((i) => ({ code: i.code, textVi: i.textVi, textSource: i.textSource })),
        })),
      };
    },
  );

  app.get(
    '/public/load-report',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary:
          'What the last load of the program data could not map (agency names, deadlines, missing fields)',
        querystring: query,
        response: { 200: z.object({ loadedAt: z.string(), sourceHash: z.string(), summary: z.unknown() }) },
      },
    },
    async (request) => {
      const run = await programLoadReport(request.readDb, request.query.program);
      return { loadedAt: run.loadedAt.toISOString(), sourceHash: run.sourceHash, summary: run.summary };
    },
  );
};
