// The ceiling: a bare Node HTTP server that answers every request with one fixed JSON body of a
// given size, doing nothing else. Nothing built on Node can answer faster on this machine, so the
// reference server's figures are printed as fractions of this one's, measured in the same run.
// Usage: node ceiling.mjs <body bytes> <status>; prints "listening on http://…" like the real server.
import { createServer } from 'node:http';

const bytes = Number(process.argv[2] ?? 12_000);
const status = Number(process.argv[3] ?? 200);
const filler = 'x'.repeat(Math.max(0, bytes - '{"filler":""}'.length));
const body = Buffer.from(JSON.stringify({ filler }));
const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) };

const server = createServer((request, response) => {
  // A posted body is read to its end, as the real server must.
  request.resume();
  request.on('end', () => {
    // A 304 has no body, by definition.
    if (status === 304) response.writeHead(304).end();
    else response.writeHead(status, headers).end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
