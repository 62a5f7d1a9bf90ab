import { defineRule, type GcpSslCertificate } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

/** A certificate is "about to expire" within this many days (the concern's threshold). */
const MIN_DAYS = 14;

/** ADR-001 Issue 8, live: "Create Google-managed SSL certificate" for the public domain. */
export default defineRule({
  id: 'gcp-managed-certificate',
  title: 'No active certificate covers the public domain, or it expires within 14 days',
  concerns: ['network.tls-certificate'],
  layer: 'gcp',
  facets: ['gcp.compute-ssl'],
  adrIdentity: 'domain (staging-api.coditect.ai)',
  adrIdentityFields: ['domain'],
  description: `Reads the global SSL certificates of the expected project (compute \`sslCertificates.list\`) and keeps those whose managed domains or subject alternative names cover \`expectations.domain\` (default \`staging-api.coditect.ai\`). None fails. A Google-managed certificate must be ACTIVE with the domain ACTIVE (PROVISIONING, FAILED_NOT_VISIBLE, ... fail with the status), and no covering certificate may expire within ${MIN_DAYS} days of the time the data was collected. The best covering certificate decides.`,
  rationale:
    'ADR-001 Issue 8 (P1, "Production requires HTTPS"): without an active certificate for the domain the load balancer cannot serve HTTPS, and a certificate stuck in provisioning usually means DNS does not point at the load balancer yet.',
  remediation: {
    text: "Create a Google-managed certificate for the domain (or a ManagedCertificate for the GKE Ingress) and point the domain's DNS at the load balancer's address so it can provision.",
    commands: [
      'gcloud compute ssl-certificates create coditect-backend-staging-cert --domains=staging-api.coditect.ai --global --project={{project}}',
      'gcloud compute ssl-certificates describe coditect-backend-staging-cert --global --project={{project}} --format="value(managed.status, managed.domainStatus)"',
    ],
  },
  messages: {
    active: `Certificate {{certificate}} covers {{domain}}, is ACTIVE and does not expire within ${MIN_DAYS} days.`,
    noCertificate: 'No certificate of project {{project}} covers {{domain}}.',
    notActive: 'Certificate {{certificate}} for {{domain}} is {{status}}, not ACTIVE.',
    expiresSoon: `Certificate {{certificate}} for {{domain}} expires within ${MIN_DAYS} days (or has expired).`,
  },
  check(ctx) {
    const { project, domain } = ctx.env.expectations;
    const data = ctx.facet('gcp.compute-ssl');
    if (!data.read.includes(`projects/${project}`)) return;
    const resource = gcpResource.certificateFor(project, domain);
    const covers = (c: GcpSslCertificate) =>
      [...c.domains, ...c.subjectAlternativeNames].some((d) => matches(d, domain));
    const covering = data.certificates.filter((c) => c.project === project && covers(c));
    if (covering.length === 0) {
      ctx.fail({
        resource,
        messageId: 'noCertificate',
        data: { project, domain },
        evidence: [
          {
            path: 'sslCertificates[].managed.domains',
            observed: data.certificates.flatMap((c) => c.domains).join(', ') || null,
            expected: domain,
          },
        ],
      });
      return;
    }
    const horizon = ctx.now.getTime() + MIN_DAYS * 86_400_000;
    const judged = covering.map((c) => {
      const status = c.type === 'MANAGED' ? (c.domainStatus[domain] ?? c.managedStatus) : 'ACTIVE';
      const active =
        c.type !== 'MANAGED' || (c.managedStatus === 'ACTIVE' && (c.domainStatus[domain] ?? 'ACTIVE') === 'ACTIVE');
      const lasting = c.expireTime === undefined || Date.parse(c.expireTime) > horizon;
      return { c, status: status ?? 'unknown', active, lasting, score: (active ? 2 : 0) + (lasting ? 1 : 0) };
    });
    const best = judged.sort((a, b) => b.score - a.score || (a.c.name < b.c.name ? -1 : 1))[0]!;
    const evidence = [
      {
        path: `sslCertificates[${best.c.name}].managed.status`,
        observed: best.c.managedStatus ?? null,
        expected: 'ACTIVE',
      },
      {
        path: `sslCertificates[${best.c.name}].managed.domainStatus.${domain}`,
        observed: best.c.domainStatus[domain] ?? null,
      },
      {
        path: `sslCertificates[${best.c.name}].expireTime`,
        observed:
          best.c.expireTime === undefined
            ? null
            : best.lasting
              ? `more than ${MIN_DAYS} days left`
              : `within ${MIN_DAYS} days`,
        expected: `more than ${MIN_DAYS} days left`,
      },
    ];
    const d = { certificate: best.c.name, domain, status: best.status };
    if (!best.active) ctx.fail({ resource, messageId: 'notActive', data: d, evidence });
    else if (!best.lasting) ctx.fail({ resource, messageId: 'expiresSoon', data: d, evidence });
    else ctx.pass({ resource, messageId: 'active', data: d, evidence });
  },
});

/** `*.example.com` covers one label below it. */
function matches(pattern: string, domain: string): boolean {
  if (pattern === domain) return true;
  return (
    pattern.startsWith('*.') && domain.endsWith(pattern.slice(1)) && !domain.slice(0, -pattern.length + 1).includes('.')
  );
}
