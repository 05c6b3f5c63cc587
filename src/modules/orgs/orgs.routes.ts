import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, pageQuery, paginated, searchText } from '../../lib/http.ts';
import { cleanText } from '../../lib/text.ts';
import { acceptFileUploads, uploadedBytes } from '../../server/uploads.ts';
import { can } from '../access/policies.ts';
import type { Subject } from '../access/subject.ts';
import { actorOf } from '../audit/request-actor.ts';
import { XLSX_MEDIA_TYPE } from './import-template.ts';
import { commitImport, IMPORT_TYPES, previewImport } from './org-import.service.ts';
import { IMPORT_MEDIA_TYPES, MAX_IMPORT_BYTES, readTable, uploadName } from './org-import-file.ts';
import { orgImportTemplate } from './org-import-template.ts';
import { mergeUnits, splitUnits } from './org-lineage.service.ts';
import { presentEvent, presentUnit, unitDetailSchema, unitSchema } from './org-units.presenter.ts';
import {
  CREATABLE_KINDS,
  createUnit,
  getUnit,
  listUnits,
  type ManageScope,
  requireUnit,
  updateUnit,
} from './org-units.service.ts';
import { ORG_KINDS } from './orgs.schema.ts';

const tags = ['organisations'];
const code = z.string().regex(/^[A-Za-z0-9_]{1,40}$/, 'must be an organisation code');
const name = z.string().max(300).transform(cleanText).pipe(z.string().min(1, 'must not be empty'));
const legalBasis = z
  .string()
  .max(300)
  .transform(cleanText)
  .pipe(z.string().min(1, 'must name the decision, e.g. "Nghị quyết 202/2025/QH15"'));
const note = z.string().max(2000).transform(cleanText).nullish();

/** Accepts ?kind=a&kind=b and ?kind=a,b alike. */
const kindList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(ORG_KINDS)).max(20))
  .optional();

const target = z.object({
  code,
  nameVi: name.optional(),
  nameEn: name.nullish(),
  kind: z.enum(ORG_KINDS).optional(),
  parentCode: code.optional(),
});

const importQuery = z.object({
  type: z.enum(IMPORT_TYPES).default('communes'),
  /** The file's name, whose extension (.csv or .xlsx) says how to read it; else the content-type does. */
  fileName: z.string().trim().max(200).optional(),
});

/** The units the caller administers: `orgs.manage` checked at each unit a change touches. */
const mayManage =
  (request: { subject: Subject }): ManageScope =>
  (orgUnitId) =>
    can(request.subject, 'orgs.manage', { orgUnitId });

/** Organisation administration: the tree, one unit with its lineage, and every change to the map. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  // Imports take the file itself as the request body (no multipart), like every other import.
  acceptFileUploads(app, IMPORT_MEDIA_TYPES, MAX_IMPORT_BYTES);
  const db = () => app.database.db;

  app.get(
    '/orgs',
    {
      config: { policy: 'orgs.read' },
      schema: {
        tags,
        summary: 'The organisation tree in path order (parents first), filtered; search covers former names',
        querystring: z.object({
          root: code.optional(),
          kind: kindList,
          q: searchText,
          status: z.enum(['current', 'closed', 'all']).default('current'),
          depth: z.coerce.number().int().min(0).max(10).optional(),
          ...pageQuery,
          pageSize: z.coerce.number().int().min(1).max(5000).default(500),
        }),
        response: { 200: paginated(unitSchema) },
      },
    },
    async (request) => {
      const { root, kind, depth, ...rest } = request.query;
      const rootUnit = root ? await requireUnit(db(), root, 'root') : undefined;
      const found = await listUnits(db(), {
        ...rest,
        kinds: kind,
        rootPath: rootUnit?.path,
        maxLevel: depth === undefined ? undefined : (rootUnit?.level ?? 1) + depth,
      });
      return {
        items: found.items.map(presentUnit),
        total: found.total,
        page: rest.page,
        pageSize: rest.pageSize,
      };
    },
  );

  app.get(
    '/orgs/:code',
    {
      config: { policy: 'orgs.read' },
      schema: {
        tags,
        summary: 'A unit with its parent, former names, predecessors, successors and lineage events',
        params: z.object({ code }),
        response: { 200: unitDetailSchema },
      },
    },
    async (request) => {
      const d = await getUnit(db(), request.params.code);
      return {
        ...presentUnit(d.unit),
        parent: d.parent ? presentUnit(d.parent) : null,
        formerNames: d.aliases,
        predecessors: d.predecessors.map((p) => ({ ...presentUnit(p), depth: p.depth })),
        successors: d.successors.map((s) => ({ ...presentUnit(s), depth: s.depth })),
        events: d.events.map(presentEvent),
      };
    },
  );

  app.post(
    '/orgs',
    {
      config: { policy: 'orgs.manage' },
      schema: {
        tags,
        summary: 'Create a department (under a central body or province) or a commune (under a province)',
        body: z.object({
          code,
          kind: z.enum(CREATABLE_KINDS),
          nameVi: name,
          nameEn: name.nullish(),
          parentCode: code,
          validFrom: isoDate.nullish(),
        }),
        response: { 201: unitSchema },
      },
    },
    async (request, reply) => {
      const created = await createUnit(db(), actorOf(request), request.body, mayManage(request));
      return reply.status(201).send(presentUnit(created));
    },
  );

  app.patch(
    '/orgs/:code',
    {
      config: { policy: 'orgs.manage' },
      schema: {
        tags,
        summary:
          'Rename (with the date it takes effect and its legal basis) or move a unit under another parent',
        params: z.object({ code }),
        body: z.object({
          nameVi: name.optional(),
          nameEn: name.nullish(),
          parentCode: code.optional(),
          effectiveDate: isoDate.optional(),
          legalBasis: legalBasis.nullish(),
          note,
        }),
        response: { 200: unitSchema },
      },
    },
    async (request) =>
      presentUnit(
        await updateUnit(db(), actorOf(request), request.params.code, request.body, mayManage(request)),
      ),
  );

  app.post(
    '/orgs/merge',
    {
      config: { policy: 'orgs.manage' },
      schema: {
        tags,
        summary: 'Merge units into an existing unit or a new one; the old units are closed, never deleted',
        body: z.object({
          sources: z.array(code).min(1).max(100),
          into: target,
          effectiveDate: isoDate,
          legalBasis,
          note,
        }),
        response: {
          201: z.object({
            eventId: z.number(),
            unit: unitSchema,
            closed: z.array(z.string()),
            movedSubunits: z.array(z.string()),
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await mergeUnits(db(), actorOf(request), request.body, mayManage(request));
      return reply.status(201).send({ ...result, unit: presentUnit(result.unit) });
    },
  );

  app.post(
    '/orgs/split',
    {
      config: { policy: 'orgs.manage' },
      schema: {
        tags,
        summary: 'Split a unit into several; the old unit is closed and its open sub-units re-parented',
        body: z.object({
          source: code,
          into: z.array(target).min(2).max(50),
          effectiveDate: isoDate,
          legalBasis,
          note,
          childrenTo: z.record(z.string(), code).optional(),
        }),
        response: { 201: z.object({ eventId: z.number(), closed: z.string(), units: z.array(unitSchema) }) },
      },
    },
    async (request, reply) => {
      const result = await splitUnits(db(), actorOf(request), request.body, mayManage(request));
      return reply.status(201).send({ ...result, units: result.units.map(presentUnit) });
    },
  );

  const previewSchema = z.object({
    type: z.enum(IMPORT_TYPES),
    total: z.number(),
    valid: z.number(),
    errors: z.array(z.object({ row: z.number(), column: z.string(), problem: z.string() })),
    unknownColumns: z.array(z.string()),
    units: z.array(
      z.object({
        row: z.number(),
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string().nullable(),
        kind: z.string(),
        parentCode: z.string(),
      }),
    ),
    byParent: z.array(z.object({ code: z.string(), count: z.number() })),
  });

  app.get(
    '/orgs/import/template.xlsx',
    {
      config: { policy: 'orgs.manage' },
      schema: {
        tags,
        summary: 'An empty file of communes or departments to fill in (.xlsx), with the parents you may use',
        querystring: z.object({ type: z.enum(IMPORT_TYPES).default('communes') }),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="${request.query.type === 'communes' ? 'xa-phuong' : 'don-vi-truc-thuoc'}-mau.xlsx"`,
        )
        .send(await orgImportTemplate(db(), request.query.type, mayManage(request))),
  );

  app.post(
    '/orgs/import/preview',
    {
      config: { policy: 'orgs.manage' },
      schema: {
        tags,
        summary: 'Check a CSV or .xlsx of communes or departments row by row; nothing is written',
        description: `Send the file itself as the body (content-type ${IMPORT_MEDIA_TYPES.join(', ')}), at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; \`fileName\` tells its format when the content-type does not.`,
        consumes: IMPORT_MEDIA_TYPES,
        querystring: importQuery,
        response: { 200: previewSchema },
      },
    },
    async (request) => {
      const bytes = uploadedBytes(request.body, IMPORT_MEDIA_TYPES);
      const name = uploadName(bytes, request.headers['content-type'], request.query.fileName);
      return previewImport(db(), request.query.type, await readTable(bytes, name), mayManage(request));
    },
  );

  app.post(
    '/orgs/import/commit',
    {
      config: { policy: 'orgs.manage' },
      schema: {
        tags,
        summary: 'Import every row of a clean file in one transaction, or none with row-level errors',
        description: 'The same file and query as the preview.',
        consumes: IMPORT_MEDIA_TYPES,
        querystring: importQuery,
        response: {
          201: z.object({
            type: z.enum(IMPORT_TYPES),
            created: z.number(),
            byParent: z.array(z.object({ code: z.string(), count: z.number() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const bytes = uploadedBytes(request.body, IMPORT_MEDIA_TYPES);
      const name = uploadName(bytes, request.headers['content-type'], request.query.fileName);
      const table = await readTable(bytes, name);
      return reply
        .status(201)
        .send(
          await commitImport(db(), actorOf(request), request.query.type, table, name, mayManage(request)),
        );
    },
  );
};
