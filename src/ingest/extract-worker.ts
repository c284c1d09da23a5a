/**
 * The worker thread of src/ingest/extract-pool.ts: prepares (hashes and extracts) the documents
 * it is sent, one message per batch, answering in order.
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentInput, Preparation } from './prepare.ts';
import { tryPrepareDocument } from './prepare.ts';

export interface PrepareRequest {
  id: number;
  inputs: DocumentInput[];
}

export interface PrepareResponse {
  id: number;
  results: Preparation[];
}

parentPort!.on('message', (request: PrepareRequest) => {
  const response: PrepareResponse = { id: request.id, results: request.inputs.map(tryPrepareDocument) };
  parentPort!.postMessage(response);
});
