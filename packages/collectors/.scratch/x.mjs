import http from 'node:http';
import { PassThroughClient } from 'google-auth-library';
const log = [];
let mode = 'ok';
const srv = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  log.push(req.method + ' ' + u.pathname + u.search);
  res.setHeader('content-type', 'application/json');
  if (mode === '403') { res.statusCode = 403; res.setHeader('retry-after','3'); return res.end(JSON.stringify({error:{code:403,message:'Cloud SQL Admin API has not been used',status:'PERMISSION_DENIED',details:[{'@type':'type.googleapis.com/google.rpc.ErrorInfo',reason:'SERVICE_DISABLED',domain:'googleapis.com',metadata:{service:'sqladmin.googleapis.com'}}]}})); }
  if (mode === '429') { res.statusCode = 429; res.setHeader('retry-after','3'); return res.end(JSON.stringify({error:{code:429,message:'quota',status:'RESOURCE_EXHAUSTED'}})); }
  if (mode === 'slow') { return setTimeout(()=>res.end('{}'), 3000); }
  if (mode === 'bad') { return res.end('{"items": [ {'); }
  if (u.pathname.endsWith('/instances')) return res.end(JSON.stringify({items:[{name:'db', settings:{ipConfiguration:{sslMode:'ENCRYPTED_ONLY', requireSsl: false}, backupConfiguration:{enabled:true}}, state:'RUNNABLE', createTime:'2024-01-01T00:00:00Z'}], nextPageToken: 'abc'}));
  if (u.pathname.includes('/locations/-/instances')) return res.end(JSON.stringify({instances:[{name:'projects/p/locations/us/instances/r', transitEncryptionMode:'DISABLED'}], nextPageToken: ''}));
  if (u.pathname.includes(':getIamPolicy')) return res.end(JSON.stringify({bindings:[{role:'r',members:['a']}], etag:'ACAB'}));
  res.statusCode=404; res.end(JSON.stringify({error:{code:404,message:'nf',status:'NOT_FOUND'}}));
}).listen(0, '127.0.0.1');
await new Promise(r => srv.on('listening', r));
const port = srv.address().port;
const opts = { fallback: true, apiEndpoint: '127.0.0.1', port, protocol: 'http', authClient: new PassThroughClient() };
const sql = await import('@google-cloud/sql');
const c = new sql.v1.SqlInstancesServiceClient(opts);
let r = await c.list({ project: 'p' }, { retry: null, timeout: 1000 });
console.log(JSON.stringify(r[0], null, 0).slice(0, 600));
console.log('len', r.length, typeof r[1], JSON.stringify(r[2])?.slice(0,100));
const redis = await import('@google-cloud/redis');
const rc = new redis.CloudRedisClient(opts);
r = await rc.listInstances({ parent: 'projects/p/locations/-' }, { autoPaginate: false, retry: null });
console.log('redis', JSON.stringify(r[0]).slice(0,300), r[1], JSON.stringify(r[2]).slice(0,200));
const kms = await import('@google-cloud/kms');
const kc = new kms.KeyManagementServiceClient(opts);
r = await kc.getIamPolicy({ resource: 'projects/p/locations/l/keyRings/k/cryptoKeys/c', options: { requestedPolicyVersion: 3 } }, { retry: null });
console.log('kms iam', JSON.stringify(r[0]));
for (const m of ['403','429','slow','bad']) {
  mode = m;
  const t = Date.now();
  try { await c.list({ project: 'p' }, { retry: null, timeout: 1000 }); console.log(m, 'no error'); }
  catch (e) { console.log(m, Date.now()-t, 'ms', e.constructor.name, 'code', e.code, 'status', e.status, 'msg', String(e.message).slice(0,200), 'keys', Object.keys(e), 'resp', e.response && typeof e.response, e.response?.headers && (e.response.headers.get ? e.response.headers.get('retry-after') : e.response.headers['retry-after']), 'details', JSON.stringify(e.errorInfoMetadata ?? e.reason ?? e.details)?.slice(0,200)); }
}
console.log(log.join('\n'));
srv.close(); process.exit(0);
