/**
 * The search page's order control and its notes on bounded ranking and sampled counts (no
 * browser): the choice travels in the URL, and each plan's caveat is said on the page.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { searchPlanner } from '../../src/db/queries/search.ts';
import { facetPlanner } from '../../src/db/queries/stats.ts';
import { seededApp } from '../helpers/app.ts';

let app: FastifyInstance;
let close: () => Promise<void>;
const DEFAULTS = { search: { ...searchPlanner }, facets: { ...facetPlanner } };

beforeAll(async () => {
  // Reads on this thread, so that the planner sizes set here are the ones the queries see.
  process.env.READER_THREADS = '0';
  ({ app, close } = await seededApp());
});
afterEach(() => {
  Object.assign(searchPlanner, DEFAULTS.search);
  Object.assign(facetPlanner, DEFAULTS.facets);
});
afterAll(() => close());

const page = async (url: string, status = 200) => {
  const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  expect(response.statusCode).toBe(status);
  return response.body;
};

describe('search page order', () => {
  it('offers best match first by default and newest first on request, kept in the URL', async () => {
    const relevance = await page('/?q=the');
    expect(relevance).toMatch(/<select id="f-sort" name="sort"[^>]*>/);
    expect(relevance).toMatch(/<option value="relevance"\s+selected>/);
    const byDate = await page('/?q=the&sort=date');
    expect(byDate).toMatch(/<option value="date"\s+selected>/);
    expect(byDate).toMatch(/<mark>the<\/mark>/i);
  });

  it('refuses an order it does not know, in words', async () => {
    expect(await page('/?q=the&sort=newest', 400)).toMatch(/class="error"[^>]*>sort/);
  });

  it('says when the ranking was bounded and the counts sampled', async () => {
    expect(await page('/?q=the')).not.toMatch(/Counts estimated|among the most recent/);
    searchPlanner.rankedCandidates = 1;
    Object.assign(facetPlanner, { exactRows: 1, sampleRows: 1 });
    const body = await page('/?q=the');
    expect(body).toMatch(/Counts estimated from a sample/);
    expect(body).toMatch(/among the most recent;\s*<a href="\/\?q=the&amp;sort=date"/);
  });
});
