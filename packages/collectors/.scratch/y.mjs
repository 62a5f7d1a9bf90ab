import http from 'node:http';
import { PassThroughClient } from 'google-auth-library';
let mode = 'ok';
const srv = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (mode === 'slow') { return setTimeout(()=>res.end('{}'), 3000); }
  res.end(JSON.stringify({items:[{name:'db', settings:{ipConfiguration:{sslMode:'ENCRYPTED_ONLY', requireSsl: false}, backupConfiguration:{enabled:true, pointInTimeRecoveryEnabled: true}, deletionProtectionEnabled: true}, state:'RUNNABLE', createTime:'2024-01-01T00:00:00Z', databaseVersion: 'POSTGRES_16', unknownField: 1}], nextPageToken: 'abc'}));
}).listen(0, '127.0.0.1');
await new Promise(r => srv.on('listening', r));
const port = srv.address().port;
const opts = { fallback: true, apiEndpoint: '127.0.0.1', port, protocol: 'http', authClient: new PassThroughClient() };
const sql = await import('@google-cloud/sql');
const c = new sql.v1.SqlInstancesServiceClient(opts);
let r = await c.list({ project: 'p' }, { retry: null, timeout: 1000 });
const i = r[0].items[0];
console.log(r[0].nextPageToken, JSON.stringify(i.settings.ipConfiguration), JSON.stringify(i.settings.backupConfiguration), JSON.stringify(i.settings.deletionProtectionEnabled), JSON.stringify(i.createTime), i.databaseVersion);
mode = 'slow';
for (const o of [{ timeout: 1000 }, { timeout: 1000, retry: null }, { timeout: 1000, maxRetries: 0 }]) {
  const t = Date.now();
  const p = c.list({ project: 'p' }, o);
  console.log('cancel?', typeof p.cancel);
  try { await p; console.log(JSON.stringify(o), 'ok after', Date.now()-t); } catch (e) { console.log(JSON.stringify(o), 'err after', Date.now()-t, e.code, e.message); }
}
srv.close(); process.exit(0);
