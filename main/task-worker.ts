import { parentPort } from 'node:worker_threads';
import { toWireError } from './errors';
import { movableResult, runJob } from './tasks/jobs';
import type { WorkerMessage, WorkerRequest, WorkerRetire } from './tasks/runner';

/**
 * The worker thread main's WorkerPool starts (built to out/main/task-worker.js): it runs one job
 * at a time and answers with progress, then the result or a readable error. Never imports
 * electron: it is plain Node in both hosts.
 */

/** Progress steps smaller than this are not worth a message. */
const PROGRESS_STEP = 0.01;

const port = parentPort;
if (!port) throw new Error('task-worker must run in a worker thread');

port.on('message', (request: WorkerRequest | WorkerRetire) => {
  // asked to end: with the port closed nothing holds the thread, which ends by itself
  if ('retire' in request) port.close();
  else void handle(request);
});

async function handle({ id, job }: WorkerRequest): Promise<void> {
  let sent = -1;
  const onProgress = (fraction: number): void => {
    if (fraction < sent + PROGRESS_STEP && fraction !== 1) return;
    if (fraction <= sent) return;
    sent = fraction;
    port!.postMessage({ id, type: 'progress', fraction } satisfies WorkerMessage);
  };
  try {
    const { result, transfer } = movableResult(await runJob(job, onProgress));
    port!.postMessage({ id, type: 'done', result } satisfies WorkerMessage, transfer);
  } catch (err) {
    port!.postMessage({ id, type: 'failed', error: toWireError(err) } satisfies WorkerMessage);
  }
}
