import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode } from '../../lib/http.ts';
import { actorOf, TARGET_POLICIES } from './targets-actor.ts';
import { commitImport, detectFormat, IMPORT_MAX_BYTES, previewImport } from './targets-import.ts';
import { importTemplate } from './targets-import-template.ts';

const tags = ['targets'];
const programQuery = z.object({ program: programCode });

const previewRowSchema = z.object({
  row: z.number(),
  targetCode: z.string().nullable(),
  year: z.number().nullable(),
  period: z.string(),
  disaggregation: z.string().nullable(),
  value: z.number().nullable(),
  assessedClass: z.string().nullable(),
  ok: z.boolean(),
  issues: z.array(z.object({ field: z.string(), problem: z.string() })),
});

/** Import of measured values from spreadsheets: template, preview, commit. */
export const targetImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // Spreadsheets arrive as the raw request body; this parser applies to this plugin's routes only.
  app.addContentTypeParser(
    [
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
    ],
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  const importQuery = programQuery.extend({
    format: z.enum(['csv', 'xlsx']).optional(),
    fileName: z.string().max(200).optional(),
  });
  const importFile = (request: {
    body: unknown;
    headers: Record<string, unknown>;
    query: z.infer<typeof importQuery>;
  }) => {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const contentType = String(request.headers['content-type'] ?? '');
    return {
      body,
      format: request.query.format ?? detectFormat(body, contentType),
      fileName: request.query.fileName,
    };
  };

  app.get(
    '/target-imports/template.xlsx',
    {
      config: { policy: TARGET_POLICIES.enterValues },
      schema: {
        tags,
        summary: 'An empty .xlsx to fill in and import, with the list of targets on a second sheet',
        querystring: programQuery,
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="target-values-template.xlsx"')
        .send(await importTemplate(app.database.db, request.query.program)),
  );

  app.post(
    '/target-imports/preview',
    {
      config: { policy: TARGET_POLICIES.enterValues },
      schema: {
        tags,
        summary: 'Check a .xlsx or .csv of values (long format) row by row; stores nothing',
        querystring: importQuery,
        response: {
          200: z.object({
            rows: z.array(previewRowSchema),
            total: z.number(),
            valid: z.number(),
            errors: z.number(),
          }),
        },
      },
    },
    async (request) =>
      previewImport(app.database.db, actorOf(request), request.query.program, importFile(request)),
  );

  app.post(
    '/target-imports',
    {
      config: { policy: TARGET_POLICIES.enterValues },
      schema: {
        tags,
        summary: 'Import a .xlsx or .csv of values as drafts: all rows or none',
        querystring: importQuery,
        response: { 201: z.object({ imported: z.number(), ids: z.array(z.number()) }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await commitImport(app.database.db, actorOf(request), request.query.program, importFile(request)),
        ),
  );
};
