'use strict';

// A hello-world HTTP service from the Northwind node-service golden path.
const http = require('node:http');

const serviceName = '${{ values.name }}';
const port = Number(process.env.PORT || 3000);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({ service: serviceName, message: 'Hello from Northwind!' }),
  );
});

server.listen(port, () => {
  console.log(`${serviceName} listening on port ${port}`);
});

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
