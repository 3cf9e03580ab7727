// The "API out there" for notifications.bench.js: answers every request 200 with a small JSON
// body, keep-alive. Prints its URL, then counts requests; GET /_count returns the count.
import { createServer } from 'node:http';

let count = 0;
const server = createServer((req, res) => {
  if (req.url === '/_count') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ count }));
  }
  req.resume();
  req.on('end', () => {
    count++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`sink at http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
