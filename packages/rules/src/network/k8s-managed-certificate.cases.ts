import type { RuleCases } from '../cases.js';
import { list, live } from '../util/k8s-live-cases.js';

const certificate = (status: Record<string, unknown>) =>
  live('ManagedCertificate', 'coditect-backend-cert', { spec: { domains: ['staging-api.coditect.ai'] }, status });
const ingress = (annotations: Record<string, string>) =>
  live('Ingress', 'coditect-backend', {
    metadata: { annotations: { 'kubernetes.io/ingress.class': 'gce', ...annotations } },
    spec: { defaultBackend: { service: { name: 'coditect-backend-internal', port: { number: 8000 } } } },
  });
const attached = { 'networking.gke.io/managed-certificates': 'coditect-backend-cert' };

export default {
  pass: [
    {
      name: 'the remediated cluster: coditect-backend-cert Active for staging-api.coditect.ai, named by the Ingress',
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
  ],
  fail: [
    {
      name: 'the ADR staging cluster: no ManagedCertificate at all',
      facets: { 'k8s.managedcertificates': { namespaces: ['coditect-staging'], items: [] }, 'k8s.ingresses': list() },
      expect: [{ messageId: 'noCertificate' }],
    },
    {
      name: 'the certificate is still provisioning: DNS does not point at the load balancer',
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
      name: 'an Active certificate whose renewal is failing: 10 days left',
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
      name: 'an Active certificate that no Ingress names',
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
  ],
} satisfies RuleCases;
