// A worker thread that runs one user query with a driver of its own, so the thread that started it can stop it
// at its deadline, whatever it is doing, and a result too large for this thread's heap ends only this thread.
import { parentPort, workerData } from 'node:worker_threads';
import { KgError } from '../model/errors.js';
import { connect, closeConnection, type ConnectOptions } from './connection.js';
import { runQueryHere, type QueryOptions, type WorkerAnswer } from './run-query.js';

const job = workerData as { connect: ConnectOptions; query: string; params: Record<string, unknown>; options: QueryOptions };

async function answer(): Promise<WorkerAnswer> {
  try {
    const connection = await connect(job.connect);
    try {
      return { ok: true, result: await runQueryHere(connection, job.query, job.params, job.options) };
    } finally {
      await closeConnection(connection);
    }
  } catch (error) {
    const e = error as Error;
    return { ok: false, error: { name: error instanceof KgError ? e.name : 'Error', message: e.message, hint: error instanceof KgError ? error.hint : undefined } };
  }
}

parentPort!.postMessage(await answer());
