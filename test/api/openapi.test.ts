import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/app.ts';
import { WEB_PATHS } from '../../src/web/plugin.ts';

let app: FastifyInstance;
let close: () => Promise<void>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }
  >;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

let doc: Document;

/** Every route the app serves, from Fastify's own route tree (printRoutes), as "METHOD /path". */
function registeredRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const depth = at / 4;
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 4))!;
    stack.length = depth;
    stack.push(match[1]!);
    for (const method of (match[2] ?? '').split(', ').filter(Boolean))
      routes.push(`${method} ${stack.join('')}`);
  }
  return routes;
}

/** Routes that are not part of the API: the docs UI, the document itself, CORS preflight. */
// The web pages (src/web/) share the app but are not API operations.
const WEB_ROUTES = new Set<string>(WEB_PATHS.map((path) => `GET ${path}`));
const isInfrastructure = (route: string) =>
  /^(HEAD|OPTIONS) |^GET \/docs|^GET \/openapi\.json$/.test(route) || WEB_ROUTES.has(route);

beforeAll(async () => {
  ({ app, close } = await seededApp());
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  doc = response.json<Document>();
});
afterAll(() => close());

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3 document', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('news-archive API');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('documents every registered API route, and no other', () => {
    const routes = registeredRoutes(app.printRoutes({ commonPrefix: false })).filter(
      (route) => !isInfrastructure(route),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /search',
        'GET /stats',
        'GET /prices/stats',
        'GET /articles/export',
        'GET /articles/:id',
      ]),
    );
    expect(new Set(documented)).toEqual(new Set(routes));
  });

  it('gives every operation a summary, a tag, a 200 response and problem responses', () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        expect(operation.summary, name).toEqual(expect.any(String));
        expect(operation.tags?.length, name).toBeGreaterThan(0);
        expect(operation.responses['200'], name).toBeDefined();
        for (const status of ['400', '500']) {
          const problem = operation.responses[status]?.content?.['application/problem+json']?.schema;
          expect(problem, `${name} ${status}`).toEqual({ $ref: '#/components/schemas/Problem' });
        }
      }
    }
    expect(doc.components?.schemas?.Problem).toBeDefined();
  });

  it('lists each route’s query and path parameters as its schema declares them', () => {
    for (const route of Object.keys(doc.paths)) {
      for (const [method, operation] of Object.entries(doc.paths[route]!)) {
        const pathParams = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declaredPath = (operation.parameters ?? []).filter((p) => p.in === 'path');
        expect(
          declaredPath.map((p) => p.name),
          `${method} ${route}`,
        ).toEqual(pathParams);
        expect(declaredPath.every((p) => p.required === true)).toBe(true);
      }
    }
    const params = (path: string) =>
      Object.fromEntries((doc.paths[path]!.get!.parameters ?? []).map((p) => [p.name, p]));
    const search = params('/search');
    expect(Object.keys(search).sort()).toEqual(
      [
        'q',
        'type',
        'sort',
        'person',
        'speaker',
        'currency',
        'min',
        'max',
        'from',
        'to',
        'source',
        'lang',
        'facets',
        'markStart',
        'markEnd',
        'escape',
        'limit',
        'cursor',
      ].sort(),
    );
    expect(search.q).toMatchObject({ in: 'query', required: true });
    expect(search.limit).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    });
    expect(search.type!.schema).toMatchObject({ default: 'all' });
    for (const path of ['/articles', '/quotes', '/prices', '/prices/stats', '/articles/export']) {
      const list = params(path);
      for (const filter of [
        'q',
        'person',
        'speaker',
        'currency',
        'min',
        'max',
        'from',
        'to',
        'source',
        'lang',
      ]) {
        expect(list[filter], `${path} ${filter}`).toMatchObject({ in: 'query', required: false });
      }
    }
    expect(params('/articles/export').format!.schema).toMatchObject({ default: 'ndjson' });
    expect(params('/stats').top).toMatchObject({ in: 'query', required: false });
  });

  it('matches what the routes validate: every documented query parameter is accepted', async () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      const operation = operations.get;
      if (!operation || path.includes('{')) continue;
      const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
      const base = query.some((parameter) => parameter.name === 'q') ? 'q=x&' : '';
      for (const parameter of query) {
        const response = await app.inject({ method: 'GET', url: `${path}?${base}${parameter.name}=` });
        // An empty value may be invalid for the parameter, but it must never be an unknown one.
        expect(response.body, `${path} ${parameter.name}`).not.toMatch(/must NOT have additional properties/);
      }
      if (query.length === 0) continue; // no querystring schema (/health)
      const unknown = await app.inject({ method: 'GET', url: `${path}?${base}surely_not_a_parameter=1` });
      expect(unknown.statusCode, path).toBe(400);
      expect(unknown.body, path).toMatch(/must NOT have additional properties/);
    }
  });

  it('describes the export formats and the search response', () => {
    const exportContent = doc.paths['/articles/export']!.get!.responses['200']!.content!;
    expect(Object.keys(exportContent).sort()).toEqual(['application/x-ndjson', 'text/csv']);
    const searchSchema = doc.paths['/search']!.get!.responses['200']!.content!['application/json']!
      .schema as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(searchSchema.properties)).toEqual(
      expect.arrayContaining(['query', 'articles', 'quotes', 'nextCursor', 'facets']),
    );
  });
});
