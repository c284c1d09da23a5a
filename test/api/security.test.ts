/**
 * Hardening headers: every API response (data, errors, framework errors) carries them with a
 * CSP that loads nothing; /docs keeps a policy under which its own page and assets work; a page
 * route can set its own policy.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { pageSecurity } from '../../src/api/plugins/security.ts';
import { freshDatabase } from '../helpers/database.ts';

let app: FastifyInstance;
let database: ReturnType<typeof freshDatabase>;

beforeAll(async () => {
  database = freshDatabase();
  app = await buildApp({ databaseUrl: database.url });
  // What a page route (the web UI) does to get its own policy.
  app.get(
    '/page-for-test',
    pageSecurity({ 'default-src': ["'self'"], 'script-src': ["'self'"] }),
    (_, reply) => reply.type('text/html').send('<!doctype html><script src="/app.js"></script>'),
  );
});
afterAll(async () => {
  await app.close();
  database.remove();
});

const directives = (csp: unknown) =>
  new Map(
    String(csp)
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!, values] as const;
      }),
  );

describe('hardening headers', () => {
  it.each([
    '/health',
    '/articles',
    '/articles/999999',
    '/no-such-route',
    '/articles?limit=0',
    '/openapi.json',
  ])('%s', async (url) => {
    const response = await app.inject({ url });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    const csp = directives(response.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('on errors raised before routing too', async () => {
    const response = await app.inject({ url: '/articles/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets a page route set its own policy', async () => {
    const response = await app.inject({ url: '/page-for-test' });
    const csp = directives(response.headers['content-security-policy']);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('/docs under its own policy', () => {
  it('serves the page, every asset it names, and allows each inline script and style by hash', async () => {
    let page = await app.inject({ url: '/docs' });
    if (page.statusCode >= 300 && page.statusCode < 400)
      page = await app.inject({ url: new URL(String(page.headers.location), 'http://x/docs/').pathname });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const csp = directives(page.headers['content-security-policy']);
    expect(csp.get('script-src')).toContain("'self'");
    expect(csp.get('default-src')).not.toEqual(["'none'"]);

    const inlineScripts = [...page.body.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    for (const [, code] of inlineScripts) {
      const hash = `'sha256-${createHash('sha256').update(code!).digest('base64')}'`;
      expect(csp.get('script-src'), 'inline script allowed by hash').toContain(hash);
    }
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets.filter((href) => !/^(https?:|data:|#)/.test(href))) {
      const response = await app.inject({ url: new URL(asset, 'http://x/docs/static/index.html').pathname });
      expect(response.statusCode, asset).toBe(200);
    }
  });
});
