import Fastify from 'fastify';
const app = Fastify({ ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } } });
app.get('/a', { schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } } } } }, async (r) => ({ l: String((r.query as any).limit) }));
await app.ready();
const ctx: any = (app as any);
for (const u of ['/a?limit=Infinity', '/a?limit=1e400', '/a?limit=5']) { const r = await app.inject({ url: u }); console.log(u, r.statusCode, r.body); }
