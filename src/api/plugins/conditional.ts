/**
 * Entity tags and conditional GET per RFC 9110 §8.8.3 and §13.1.2, for every 200 response with
 * a body in memory (streams, such as the export, carry none):
 *
 * - The ETag is a hash of the identity body, unless the route set one (GET /articles/:id);
 *   a compressed response gets another tag, `"<hash>-<coding>"`, because it is another
 *   representation (a cache must not answer a gzip request with identity bytes or the reverse),
 *   and every tagged response says `Vary: Accept-Encoding`.
 * - `If-None-Match` takes `*`, a list of tags, and weak tags (`W/"…"`), compared weakly.
 *
 * The tag is computed in an app-wide onSend hook (before @fastify/compress, whose hooks are
 * per route) and finished in a per-route onSend hook added after compress's, where the chosen
 * content coding is known. Register this plugin after @fastify/compress and before the routes.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const hashOf = (payload: string | Buffer) => `"${createHash('sha1').update(payload).digest('base64url')}"`;

/** The opaque part of an entity tag, for weak comparison (W/"x" and "x" are the same). */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** The tags of an If-None-Match header: ["*"] or the tags of its list (commas inside quotes kept). */
export function parseIfNoneMatch(header: string): string[] {
  if (header.trim() === '*') return ['*'];
  return [...header.matchAll(/(?:W\/)?"[^"]*"/g)].map((match) => opaque(match[0]));
}

export function ifNoneMatchHits(header: string, etag: string): boolean {
  const tags = parseIfNoneMatch(header);
  return tags.includes('*') || tags.includes(opaque(etag));
}

/** Inserts the content coding into the tag: "abc" → "abc-gzip", W/"abc" → W/"abc-gzip". */
const withCoding = (etag: string, coding: string) => etag.replace(/"$/, `-${coding}"`);

function addVary(reply: FastifyReply, field: string) {
  const vary = String(reply.getHeader('vary') ?? '');
  const fields = vary.split(',').map((name) => name.trim().toLowerCase());
  if (!fields.includes(field.toLowerCase()) && !fields.includes('*'))
    reply.header('vary', vary ? `${vary}, ${field}` : field);
}

async function tagIdentity(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode !== 200 || reply.hasHeader('etag')) return payload;
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) reply.header('etag', hashOf(payload));
  return payload;
}

async function finishTag(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const etag = reply.getHeader('etag');
  if (reply.statusCode !== 200 || typeof etag !== 'string') return payload;
  const coding = reply.getHeader('content-encoding');
  const finalTag = typeof coding === 'string' && coding !== 'identity' ? withCoding(etag, coding) : etag;
  reply.header('etag', finalTag);
  addVary(reply, 'Accept-Encoding');
  const condition = request.headers['if-none-match'];
  if (condition === undefined || !ifNoneMatchHits(condition, finalTag)) return payload;
  // A compressed body was already started by compress: drain it, nobody will read it.
  if (payload !== null && typeof (payload as Readable).resume === 'function') (payload as Readable).resume();
  reply.removeHeader('content-encoding');
  reply.removeHeader('content-length');
  reply.code(304);
  return '';
}

export default fp(
  async (app) => {
    app.addHook('onSend', tagIdentity);
    app.addHook('onRoute', (route) => {
      const hooks = route.onSend;
      route.onSend = [...(hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]), finishTag];
    });
  },
  { name: 'conditional-requests', dependencies: ['@fastify/compress'] },
);
