import http from 'node:http';
import { PassThroughClient } from 'google-auth-library';
const srv = http.createServer((req, res) => { res.setHeader('content-type','application/json'); setTimeout(()=>res.end('{"items":[]}'), 3000); }).listen(0, '127.0.0.1');
await new Promise(r => srv.on('listening', r));
const port = srv.address().port;
const auth = new PassThroughClient({ transporterOptions: { timeout: 500 } });

const opts = { fallback: true, apiEndpoint: '127.0.0.1', port, protocol: 'http', authClient: auth };
const sql = await import('@google-cloud/sql');
const c = new sql.v1.SqlInstancesServiceClient(opts);
const t = Date.now();
try { await c.list({ project: 'p' }, { retry: null }); console.log('ok', Date.now()-t); } catch (e) { console.log('err', Date.now()-t, e.constructor.name, e.name, e.code, e.message?.slice(0,200), e.cause?.name); }
const r = await auth.request({ url: `http://127.0.0.1:${port}/v2/x`, timeout: 400 }).catch(e => e);
console.log('rest', r.constructor.name, r.code, r.message, r.name);
srv.close(); process.exit(0);
