#!/usr/bin/env node
/**
 * The HTTP(S) endpoints the probe tests talk to, on 127.0.0.1 only, with the throwaway CA of
 * scripts/services.sh:
 * - good: HTTPS with a valid certificate for 127.0.0.1, HSTS, /api/v1/health/live and /ready as ADR-001
 *   expects, 401 on /api/v1/licenses/ without a token; its HTTP port redirects to HTTPS on the same host.
 * - broken: a certificate for another host that ends in 5 days, no HSTS, live answers 503, ready reports
 *   redis disconnected, licenses answer 200 without a token, /api/v1/health/moved redirects to another
 *   host; its HTTP port serves the API in plaintext instead of redirecting.
 * - plain (optional 7th argument): the good API over plain HTTP only, as an internal endpoint without TLS.
 * Every request is logged (method and path) so the tests can prove the probes only read.
 * Usage: node https-server.mjs <certs dir> <https good> <http good> <https broken> <http broken> <log file> [<http plain>]
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { join } from 'node:path';

const [certs, httpsGood, httpGood, httpsBroken, httpBroken, logFile, httpPlain] = process.argv.slice(2);
if (!logFile) {
  console.error('usage: https-server.mjs <certs dir> <https good> <http good> <https broken> <http broken> <log>');
  process.exit(2);
}

const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

function logged(name, handler) {
  return (req, res) => {
    appendFileSync(logFile, `${name} ${req.method} ${req.url} ua=${req.headers['user-agent'] ?? '-'}\n`);
    handler(req, res);
  };
}

const HSTS = { 'strict-transport-security': 'max-age=31536000; includeSubDomains' };

function goodApi(req, res) {
  const path = new URL(req.url, 'https://127.0.0.1').pathname;
  if (path === '/api/v1/health/live')
    return json(res, 200, { status: 'healthy', timestamp: new Date().toISOString() }, HSTS);
  if (path === '/api/v1/health/ready')
    return json(res, 200, { status: 'ready', database: 'connected', redis: 'connected' }, HSTS);
  if (path.startsWith('/api/v1/licenses'))
    return json(
      res,
      401,
      { detail: 'Authentication credentials were not provided.' },
      {
        ...HSTS,
        'www-authenticate': 'Bearer realm="api"',
      },
    );
  return json(res, 404, { detail: 'Not found.' }, HSTS);
}

function brokenApi(req, res) {
  const path = new URL(req.url, 'https://127.0.0.1').pathname;
  if (path === '/api/v1/health/live') return json(res, 503, { status: 'unhealthy' });
  if (path === '/api/v1/health/ready')
    return json(res, 503, { status: 'not ready', database: 'connected', redis: 'disconnected' });
  if (path.startsWith('/api/v1/licenses')) return json(res, 200, [{ id: 1, key: 'license-visible-without-token' }]);
  if (path === '/api/v1/health/moved') {
    res.writeHead(302, { location: 'https://elsewhere.invalid/api/v1/health/live' });
    return res.end();
  }
  return json(res, 404, { detail: 'Not found.' });
}

const tls = (name) => ({
  key: readFileSync(join(certs, `${name}.key`)),
  cert: readFileSync(join(certs, `${name}.crt`)),
});

const servers = [
  createHttps(tls('server'), logged('https-good', goodApi)).listen(Number(httpsGood), '127.0.0.1'),
  createHttp(
    logged('http-good', (req, res) => {
      res.writeHead(301, { location: `https://127.0.0.1:${httpsGood}${req.url}` });
      res.end();
    }),
  ).listen(Number(httpGood), '127.0.0.1'),
  createHttps(tls('expiring'), logged('https-broken', brokenApi)).listen(Number(httpsBroken), '127.0.0.1'),
  createHttp(logged('http-broken', brokenApi)).listen(Number(httpBroken), '127.0.0.1'),
  ...(httpPlain ? [createHttp(logged('http-plain', goodApi)).listen(Number(httpPlain), '127.0.0.1')] : []),
];

const stop = () => {
  for (const s of servers) s.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
