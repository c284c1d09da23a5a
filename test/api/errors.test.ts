import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/app.ts';

let app: FastifyInstance;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, close } = await seededApp());
});
afterAll(() => close());

async function problem(url: string) {
  const response = await app.inject({ method: 'GET', url, headers: { 'x-request-id': 'test-request' } });
  return { status: response.statusCode, type: response.headers['content-type'], body: response.json() };
}

describe('bad input gets a problem document, never a 500', () => {
  it.each([
    ['/articles?limit=0', /limit must be >= 1/],
    ['/articles?limit=101', /limit must be <= 100/],
    ['/articles?limit=ten', /limit must be integer/],
    ['/articles?from=yesterday', /from must match pattern/],
    ['/articles?from=2024-02-30', /from is not a valid date/],
    ['/articles?from=2024-05-02&to=2024-05-01', /from .* is later than to/],
    ['/articles?currency=EURO', /currency must match pattern/],
    ['/prices?min=abc', /min must match pattern/],
    ['/prices?min=10&max=1', /min \(10\) is greater than max \(1\)/],
    ['/articles?cursor=not-a-cursor', /cursor is not valid/],
    ['/quotes?cursor=WyJ4Il0', /cursor does not belong to this list/],
    ['/articles?q=%22unclosed', /Unbalanced double quote/],
    ['/articles?q=(sanctions', /parenthesis/],
    ['/articles?q=sanctions%20AND', /ends with AND/],
    ['/articles?q=OR%20Minsk', /OR needs a search term before it/],
    ['/articles?persn=Lukashenko', /must NOT have additional properties/],
    [`/articles?q=${'a'.repeat(501)}`, /q must NOT have more than 500 characters/],
    ['/articles/abc', /id must be integer/],
  ])('GET %s → 400', async (url, message) => {
    const { status, type, body } = await problem(url);
    expect(status).toBe(400);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ status: 400, requestId: 'test-request', instance: url.split('?')[0] });
    expect(body.detail).toMatch(message);
  });

  it.each([
    ['/articles/999999', /No article has id 999999/],
    ['/people/nobody-at-all', /No person has id or slug "nobody-at-all"/],
    ['/no-such-route', /No route GET \/no-such-route/],
  ])('GET %s → 404', async (url, message) => {
    const { status, body } = await problem(url);
    expect(status).toBe(404);
    expect(body.detail).toMatch(message);
  });

  it('accepts punctuation in plain search words', async () => {
    for (const q of [
      "O'Brien",
      'U.S.',
      '3.71',
      'Belarus-U.S.',
      'sanction*',
      'NEAR(Soros visit, 10)',
      'Minsk OR Moscow NOT Kyiv',
    ]) {
      const response = await app.inject({ method: 'GET', url: `/articles?q=${encodeURIComponent(q)}` });
      expect(response.statusCode, q).toBe(200);
    }
    const us = await app.inject({ method: 'GET', url: `/articles?q=${encodeURIComponent('U.S.')}` });
    expect(us.json().items).toHaveLength(1);
  });
});
