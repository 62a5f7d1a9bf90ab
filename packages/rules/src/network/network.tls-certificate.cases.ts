import type { GcpSslCertificate } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT, READ_PROJECT } from '../util/gcp-cases.js';
import { list, live } from '../util/k8s-live-cases.js';
import type { CertificateObservation, HttpProbe } from '@coditect-audit/core';

// ---- gcp
const NOW = '2025-12-01T07:00:00.000Z';
const cert = (o: Partial<GcpSslCertificate> = {}): GcpSslCertificate => ({
  project: PROJECT,
  name: 'mcrt-5b1e7d3a-9c2f-4e8b-a1d6-0f3c2b7e9a41',
  type: 'MANAGED',
  managedStatus: 'ACTIVE',
  domains: ['staging-api.coditect.ai'],
  domainStatus: { 'staging-api.coditect.ai': 'ACTIVE' },
  subjectAlternativeNames: ['staging-api.coditect.ai'],
  expireTime: '2026-02-18T10:52:30.000Z',
  ...o,
});
const ssl = (...certificates: GcpSslCertificate[]) => ({ read: READ_PROJECT, certificates });

// ---- k8s
const certificate = (status: Record<string, unknown>) =>
  live('ManagedCertificate', 'coditect-backend-cert', { spec: { domains: ['staging-api.coditect.ai'] }, status });
const ingress = (annotations: Record<string, string>) =>
  live('Ingress', 'coditect-backend', {
    metadata: { annotations: { 'kubernetes.io/ingress.class': 'gce', ...annotations } },
    spec: { defaultBackend: { service: { name: 'coditect-backend-internal', port: { number: 8000 } } } },
  });
const attached = { 'networking.gke.io/managed-certificates': 'coditect-backend-cert' };

// ---- probe
const base = 'https://staging-api.coditect.ai';
const served: CertificateObservation = {
  subject: 'CN=staging-api.coditect.ai',
  issuer: 'C=US, O=Google Trust Services, CN=WR3',
  altNames: ['DNS:staging-api.coditect.ai'],
  validFrom: '2026-11-01T00:00:00.000Z',
  validTo: '2027-01-30T00:00:00.000Z',
  expiresInDays: 65,
  trusted: true,
  hostname: 'staging-api.coditect.ai',
  hostnameMatches: true,
  selfSigned: false,
  fingerprint256: 'AA:BB',
};
const http = (over: Partial<HttpProbe>): HttpProbe => ({
  baseUrl: base,
  host: 'staging-api.coditect.ai',
  https: true,
  live: { url: `${base}/api/v1/health/live`, outcome: 'answered', status: 200 },
  ready: { url: `${base}/api/v1/health/ready`, outcome: 'answered', status: 200 },
  readyComponents: ['database', 'redis'],
  protected: [],
  tls: { protocol: 'TLSv1.3', certificate: served },
  plainHttp: {
    url: 'http://staging-api.coditect.ai/api/v1/health/live',
    outcome: 'redirect',
    status: 301,
    toHttps: true,
    sameHost: true,
  },
  minCertificateDays: 14,
  ...over,
});

const { tls: _tls, ...withoutTls } = http({});
const plainHttpOnly: HttpProbe = { ...withoutTls, baseUrl: 'http://34.41.0.10', host: '34.41.0.10', https: false };

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- gcp
    { name: 'gcp: managed certificate ACTIVE for the domain', now: NOW, facets: { 'gcp.compute-ssl': ssl(cert()) } },
    {
      name: 'gcp: an ACTIVE certificate wins over a leftover that failed to provision',
      now: NOW,
      facets: {
        'gcp.compute-ssl': ssl(
          cert(),
          cert({
            name: 'old',
            managedStatus: 'PROVISIONING',
            domainStatus: { 'staging-api.coditect.ai': 'FAILED_NOT_VISIBLE' },
          }),
        ),
      },
    },

    // ---- k8s
    {
      name: 'k8s: the remediated cluster: coditect-backend-cert Active for staging-api.coditect.ai, named by the Ingress',
      facets: {
        'k8s.managedcertificates': list(
          certificate({
            certificateName: 'mcrt-3f2b8c1e-5d4a-4e1f-9c0b-7a6d5e4f3c2b',
            certificateStatus: 'Active',
            domainStatus: [{ domain: 'staging-api.coditect.ai', status: 'Active' }],
            expireTime: '2026-03-03T01:14:59.000-08:00',
          }),
        ),
        'k8s.ingresses': list(ingress(attached)),
      },
      now: '2025-12-03T12:00:00Z',
    },

    // ---- probe
    { name: 'a Google-managed certificate for the domain', facets: { 'probe.http': http({}) } },
  ],
  fail: [
    // ---- gcp
    {
      name: 'gcp: no certificate at all (the ADR staging project)',
      now: NOW,
      facets: { 'gcp.compute-ssl': ssl() },
      expect: [{ messageId: 'noCertificate' }],
    },
    {
      name: 'gcp: DNS does not point at the load balancer yet',
      now: NOW,
      facets: {
        'gcp.compute-ssl': ssl(
          cert({
            managedStatus: 'PROVISIONING',
            domainStatus: { 'staging-api.coditect.ai': 'FAILED_NOT_VISIBLE' },
            expireTime: undefined,
          }),
        ),
      },
      expect: [{ messageId: 'notActive' }],
    },
    {
      name: 'gcp: expires in five days',
      now: NOW,
      facets: { 'gcp.compute-ssl': ssl(cert({ expireTime: '2025-12-06T07:00:00.000Z' })) },
      expect: [{ messageId: 'expiresSoon' }],
    },

    // ---- k8s
    {
      name: 'k8s: the ADR staging cluster: no ManagedCertificate at all',
      facets: { 'k8s.managedcertificates': { namespaces: ['coditect-staging'], items: [] }, 'k8s.ingresses': list() },
      expect: [{ messageId: 'noCertificate' }],
    },
    {
      name: 'k8s: the certificate is still provisioning: DNS does not point at the load balancer',
      facets: {
        'k8s.managedcertificates': list(
          certificate({
            certificateStatus: 'Provisioning',
            domainStatus: [{ domain: 'staging-api.coditect.ai', status: 'FailedNotVisible' }],
          }),
        ),
        'k8s.ingresses': list(ingress(attached)),
      },
      expect: [{ messageId: 'notActive' }],
    },
    {
      name: 'k8s: an Active certificate whose renewal is failing: 10 days left',
      facets: {
        'k8s.managedcertificates': list(
          certificate({
            certificateStatus: 'Active',
            domainStatus: [{ domain: 'staging-api.coditect.ai', status: 'Active' }],
            expireTime: '2026-03-03T01:14:59.000-08:00',
          }),
        ),
        'k8s.ingresses': list(ingress(attached)),
      },
      now: '2026-02-21T09:00:00Z',
      expect: [{ messageId: 'expiresSoon' }],
    },
    {
      name: 'k8s: an Active certificate that no Ingress names',
      facets: {
        'k8s.managedcertificates': list(
          certificate({
            certificateStatus: 'Active',
            domainStatus: [{ domain: 'staging-api.coditect.ai', status: 'Active' }],
          }),
        ),
        'k8s.ingresses': list(ingress({})),
      },
      expect: [{ messageId: 'notAttached' }],
    },

    // ---- probe
    {
      name: 'probe: the ADR as deployed: plain HTTP on the LoadBalancer IP',
      facets: { 'probe.http': plainHttpOnly },
      expect: [{ messageId: 'notHttps' }],
    },
    {
      name: 'probe: a certificate for another domain that ends in 5 days',
      facets: {
        'probe.http': http({
          tls: {
            certificate: {
              ...served,
              altNames: ['DNS:api.coditect.ai'],
              hostnameMatches: false,
              expiresInDays: 5,
              validTo: '2026-12-01T00:00:00.000Z',
            },
          },
        }),
      },
      expect: [{ messageId: 'wrongHost' }, { messageId: 'expiring' }],
    },
    {
      name: 'probe: a self-signed certificate',
      facets: {
        'probe.http': http({
          tls: {
            certificate: { ...served, trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true },
          },
        }),
      },
      expect: [{ messageId: 'untrusted' }],
    },
  ],
} satisfies RuleCases;
