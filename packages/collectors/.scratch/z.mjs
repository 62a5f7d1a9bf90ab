import { GoogleAuth, PassThroughClient } from 'google-auth-library';
const t = Date.now();
try { const a = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] }); const c = await a.getClient(); console.log('got', c.constructor.name); } catch (e) { console.log('err', Date.now()-t, e.message.slice(0,300)); }
const p = new PassThroughClient();
console.log(typeof p.request);
