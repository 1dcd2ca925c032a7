// @ts-check
/*
 * The load generator of the submission benchmark, run in a worker thread so that the clients' own work (building
 * requests, parsing answers) does not share the event loop of the backend they measure, as browsers would not.
 * Plain JavaScript because a worker thread loads files with Node itself, not through Jest's TypeScript transform.
 *
 * workerData: { url, clients, bodies: string[], submissions: { authorization, body }[] } where body indexes bodies.
 * Posts back one { status, ms, error? } per submission, in submission order.
 */
const { Agent, request } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');

const { url, clients, bodies, submissions } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: clients });

/**
 * One PUT; resolves with the status once the whole answer is read, or with the transport error.
 * @param {string} authorization
 * @param {string} payload
 * @returns {Promise<{ status: number; error?: string }>}
 */
function put(authorization, payload) {
  return new Promise(resolve => {
    const req = request(
      url,
      {
        method: 'PUT',
        agent,
        headers: {
          authorization,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      res => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('error', error => resolve({ status: 0, error: String(error) }));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            error:
              res.statusCode && res.statusCode < 300
                ? undefined
                : Buffer.concat(chunks).toString('utf8').slice(0, 300),
          }),
        );
      },
    );
    req.on('error', error => resolve({ status: 0, error: String(error) }));
    req.end(payload);
  });
}

async function run() {
  const results = new Array(submissions.length);
  let next = 0;
  // Each client sends its next submission as soon as the previous one is answered.
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < submissions.length; i = next++) {
        const { authorization, body } = submissions[i];
        const sent = performance.now();
        const outcome = await put(authorization, bodies[body]);
        results[i] = { ...outcome, ms: performance.now() - sent };
      }
    }),
  );
  agent.destroy();
  parentPort?.postMessage(results);
}

run();
