import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
let t = performance.now();
const m = require('@google-cloud/compute/build/src/v1/ssl_certificates_client.js');
console.log('ssl client module', Math.round(performance.now() - t)); t = performance.now();
const c = new m.SslCertificatesClient({ fallback: true });
console.log('construct', Math.round(performance.now() - t)); t = performance.now();
require('@google-cloud/compute/build/src/v1/security_policies_client.js'); require('@google-cloud/compute/build/src/v1/backend_services_client.js');
console.log('two more', Math.round(performance.now() - t));
