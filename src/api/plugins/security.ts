/**
 * Hardening headers on every response, through @fastify/helmet: `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer`, `X-Frame-Options`, cross-origin isolation headers, and a
 * Content-Security-Policy that lets an API response load nothing at all (JSON is data, never a
 * page). HSTS is left to whatever terminates TLS: the server itself speaks plain HTTP.
 *
 * Routes that serve pages override the policy in their own route options:
 *
 *   app.get('/', { ...pageSecurity({ 'script-src': ["'self'"] }) }, handler)
 *
 * (@fastify/helmet merges a route's `helmet` options over these; `helmet: false` turns it off).
 * /docs keeps the policy @fastify/swagger-ui computes for its own page (`staticCSP`), which is
 * set after helmet's and so replaces it there.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

type Directives = Record<string, string[]>;

/** Nothing may load or frame an API response. */
export const API_CSP_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Route options giving a page its own Content-Security-Policy (the other headers stay). */
export function pageSecurity(directives: Directives) {
  return { helmet: { contentSecurityPolicy: { useDefaults: false, directives } } };
}

export default fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'no-referrer' },
    });
  },
  { name: 'security-headers' },
);
