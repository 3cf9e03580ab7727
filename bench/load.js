// A small closed-loop HTTP load generator (keep-alive, fixed concurrency, fixed duration).
import { Agent, get } from 'node:http';

function once(url, agent) {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    }).on('error', reject);
  });
}

/** Requests per second that `url` sustains over `seconds` with `connections` in flight. */
export async function measureRps(url, { seconds = 3, connections = 16, check } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  async function worker() {
    while (Date.now() < deadline) {
      try {
        const res = await once(url, agent);
        if (res.status !== 200 || (check && !check(res.body))) errors++;
        else done++;
      } catch {
        errors++;
      }
    }
  }
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  return { rps: done / elapsed, errors };
}
