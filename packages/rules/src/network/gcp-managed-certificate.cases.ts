import type { GcpSslCertificate } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT, READ_PROJECT } from '../util/gcp-cases.js';

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

export default {
  pass: [
    { name: 'managed certificate ACTIVE for the domain', now: NOW, facets: { 'gcp.compute-ssl': ssl(cert()) } },
    {
      name: 'an ACTIVE certificate wins over a leftover that failed to provision',
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
  ],
  fail: [
    {
      name: 'no certificate at all (the ADR staging project)',
      now: NOW,
      facets: { 'gcp.compute-ssl': ssl() },
      expect: [{ messageId: 'noCertificate' }],
    },
    {
      name: 'DNS does not point at the load balancer yet',
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
      name: 'expires in five days',
      now: NOW,
      facets: { 'gcp.compute-ssl': ssl(cert({ expireTime: '2025-12-06T07:00:00.000Z' })) },
      expect: [{ messageId: 'expiresSoon' }],
    },
  ],
} satisfies RuleCases;
