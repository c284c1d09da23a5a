/**
 * One autocannon run, printed as JSON on stdout: requests/s (mean), latency p50/p99 (ms), errors.
 * With --ids N, each request asks for /articles/<random id in 1..N> (seeded, so runs are alike).
 *
 *   node --import tsx bench/load.ts URL [--ids N] [--duration S] [--connections C]
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { mulberry32 } from './generator.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ids: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const url = positionals[0]!;
const ids = values.ids === undefined ? 0 : Number(values.ids);
const random = mulberry32(42);
const result = await autocannon({
  url,
  connections: Number(values.connections),
  duration: Number(values.duration),
  ...(ids > 0 && {
    requests: [
      {
        setupRequest: (request: { path: string }) => ({
          ...request,
          path: `/articles/${1 + Math.floor(random() * ids)}`,
        }),
      },
    ],
  }),
});
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  }),
);
