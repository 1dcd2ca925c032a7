'use strict';

// A hello-world event consumer from the Northwind event-consumer golden path.
// The event bus delivers each event of the subscribed topic as a POST to /events;
// answer 2xx to acknowledge it, anything else and the bus retries, then dead-letters.
const http = require('node:http');

const serviceName = '${{ values.name }}';
const topic = '${{ values.topic }}';
const port = Number(process.env.PORT || 3000);

function handleEvent(event) {
  console.log(`${serviceName} received ${topic} event`, event);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  if (req.method === 'POST' && req.url === '/events') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        handleEvent(JSON.parse(body));
        res.writeHead(204);
        res.end();
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(`cannot handle event: ${error.message}`);
      }
    });
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
});

server.listen(port, () => {
  console.log(`${serviceName} consuming ${topic} on port ${port}`);
});

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
