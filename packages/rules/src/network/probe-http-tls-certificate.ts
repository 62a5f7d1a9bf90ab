import { defineRule } from '@coditect-audit/core';
import { httpResource } from '../util/probe.js';

/** ADR-001 Issue 8: "Production requires HTTPS"; the managed certificate for staging-api.coditect.ai. */
export default defineRule({
  id: 'probe-http-tls-certificate',
  title: 'The app’s HTTPS certificate is not valid for its host, or ends within 14 days',
  concerns: ['network.tls-certificate'],
  layer: 'probe',
  facets: ['probe.http'],
  description:
    'Reads the certificate the app’s `baseUrl` serves in the TLS handshake: it must chain to a trusted CA (the system’s, plus `caFile`), cover the host name of `baseUrl`, and stay valid for at least `minCertificateDays` (default 14) more days. A `baseUrl` over plain `http://` fails: the app is not served over HTTPS at all.',
  rationale:
    'ADR-001 Issue 8 (P1): the staging API was exposed over plain HTTP through a LoadBalancer; the fix is a Google-managed certificate on an Ingress. A managed certificate that is still PROVISIONING, covers another domain, or is about to lapse because its DNS moved, breaks every client; 14 days leaves time to act.',
  remediation: {
    text: 'Serve the domain through the Ingress with a Google-managed certificate for it, and check that the certificate is ACTIVE and renewing.',
    commands: [
      'gcloud compute ssl-certificates describe coditect-backend-staging-cert --global --format="value(managed.status,managed.domainStatus)"',
      'kubectl describe managedcertificate coditect-backend-cert -n coditect-staging',
      'openssl s_client -connect staging-api.coditect.ai:443 -servername staging-api.coditect.ai </dev/null | openssl x509 -noout -dates -ext subjectAltName',
    ],
  },
  benchmarks: [],
  messages: {
    notHttps: '{{url}} is served over plain HTTP, without TLS.',
    handshake: '{{url}}: no TLS handshake ({{error}}).',
    untrusted: 'The certificate of {{url}} is not trusted ({{reason}}).',
    wrongHost: 'The certificate of {{url}} does not cover {{host}} (it names {{names}}).',
    expiring: 'The certificate of {{url}} ends on {{validTo}}, in {{days}} day(s) (at least {{min}} required).',
    valid: 'The certificate of {{url}} is trusted, covers {{host}} and is valid until {{validTo}}.',
  },
  check(ctx) {
    const d = ctx.facet('probe.http');
    const resource = httpResource(d);
    const url = d.baseUrl;
    if (!d.https) {
      ctx.fail({
        resource,
        messageId: 'notHttps',
        data: { url },
        evidence: [{ path: 'baseUrl', observed: url, expected: 'https://' }],
      });
      return;
    }
    const cert = d.tls?.certificate;
    if (!cert) {
      ctx.fail({ resource, messageId: 'handshake', data: { url, error: d.tls?.error ?? 'no certificate' } });
      return;
    }
    let failed = false;
    const evidence = [
      { path: 'certificate.subjectAltName', observed: cert.altNames.join(', '), expected: d.host },
      { path: 'certificate.validTo', observed: cert.validTo, expected: `at least ${d.minCertificateDays} days ahead` },
    ];
    if (!cert.trusted) {
      failed = true;
      ctx.fail({
        resource,
        messageId: 'untrusted',
        data: { url, reason: cert.trustError ?? 'unknown reason' },
        discriminator: 'trust',
        evidence,
      });
    }
    if (!cert.hostnameMatches) {
      failed = true;
      ctx.fail({
        resource,
        messageId: 'wrongHost',
        data: { url, host: d.host, names: cert.altNames.join(', ') || cert.subject },
        discriminator: 'host',
        evidence,
      });
    }
    if (cert.expiresInDays < d.minCertificateDays) {
      failed = true;
      ctx.fail({
        resource,
        messageId: 'expiring',
        data: { url, validTo: cert.validTo.slice(0, 10), days: cert.expiresInDays, min: d.minCertificateDays },
        discriminator: 'expiry',
        evidence,
      });
    }
    if (!failed)
      ctx.pass({
        resource,
        messageId: 'valid',
        data: { url, host: d.host, validTo: cert.validTo.slice(0, 10) },
        evidence,
      });
  },
});
