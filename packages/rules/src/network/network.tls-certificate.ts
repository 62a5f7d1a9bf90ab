import { defineViewRule, type ViewRuleContext } from '@coditect-audit/core';
import { MANAGED_CERTIFICATES_ANNOTATION, type TlsCertificateView } from '@coditect-audit/core/views';

/** A certificate is "about to expire" within this many days (the concern's threshold). */
const MIN_DAYS = 14;
const DAY_MS = 86_400_000;

type Messages =
  | 'active'
  | 'noCertificate'
  | 'notActive'
  | 'expiresSoon'
  | 'notAttached'
  | 'notHttps'
  | 'handshake'
  | 'untrusted'
  | 'wrongHost'
  | 'expiring'
  | 'valid';
type Ctx = ViewRuleContext<'tls-certificate', Messages>;

/** The project's certificates covering the domain: the best one decides (active, then lasting, then by name). */
function checkGcp(ctx: Ctx, v: Extract<TlsCertificateView, { source: 'gcp' }>): void {
  const { resource, project, domain } = v;
  if (v.covering.length === 0) {
    ctx.fail({
      resource,
      messageId: 'noCertificate',
      data: { project, domain },
      evidence: [
        { path: 'sslCertificates[].managed.domains', observed: v.listedDomains.join(', ') || null, expected: domain },
      ],
    });
    return;
  }
  const horizon = ctx.now.getTime() + MIN_DAYS * DAY_MS;
  const judged = v.covering.map((c) => {
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
}

/**
 * The ManagedCertificates covering the domain and those an Ingress uses: each Active, renewing (Google renews
 * about 30 days ahead, so one 14 days from expiry is not renewing) and named by an Ingress.
 */
function checkCluster(ctx: Ctx, v: Extract<TlsCertificateView, { source: 'k8s' }>): void {
  const { namespace, domain } = v;
  const covering = v.certificates.filter((c) => c.domains.includes(domain));
  if (covering.length === 0)
    ctx.fail({
      resource: v.resource,
      messageId: 'noCertificate',
      data: { namespace, domain },
      evidence: [
        {
          path: `managedcertificates/${namespace}[].spec.domains`,
          observed: v.certificates.flatMap((c) => c.domains).join(', ') || null,
          expected: domain,
        },
      ],
    });
  const judged = new Set([...covering, ...v.certificates.filter((c) => c.usedBy.length > 0)]);
  for (const cert of [...judged].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const { resource } = cert;
    const inactive = cert.domainStatus.filter((d) => d.status !== 'Active');
    let failed = false;
    if (cert.status !== 'Active' || inactive.length > 0) {
      failed = true;
      ctx.fail({
        resource,
        messageId: 'notActive',
        data: {
          certificate: cert.name,
          status: cert.status,
          domains: inactive.length ? ` (${inactive.map((d) => `${d.domain}: ${d.status}`).join(', ')})` : '',
        },
        evidence: [
          { path: 'status.certificateStatus', observed: cert.status, expected: 'Active' },
          ...inactive.map((d) => ({
            path: `status.domainStatus[${d.domain}]`,
            observed: d.status,
            expected: 'Active',
          })),
        ],
        discriminator: 'status',
      });
    }
    const expiresAt = cert.expireTime ? Date.parse(cert.expireTime) : Number.NaN;
    const left = (expiresAt - ctx.now.getTime()) / DAY_MS;
    if (!Number.isNaN(expiresAt) && left < MIN_DAYS) {
      failed = true;
      ctx.fail({
        resource,
        messageId: 'expiresSoon',
        data: { certificate: cert.name, expires: cert.expireTime ?? '', days: MIN_DAYS },
        evidence: [
          {
            path: 'status.expireTime',
            observed: cert.expireTime ?? null,
            expected: `more than ${MIN_DAYS} days ahead`,
          },
        ],
        discriminator: 'expiry',
      });
    }
    if (cert.usedBy.length === 0 && v.ingressesRead) {
      failed = true;
      ctx.fail({
        resource,
        messageId: 'notAttached',
        data: { certificate: cert.name, domain, annotation: MANAGED_CERTIFICATES_ANNOTATION },
        evidence: [
          {
            path: `ingresses/${namespace}[].metadata.annotations["${MANAGED_CERTIFICATES_ANNOTATION}"]`,
            observed: v.ingressAnnotations.join('; ') || null,
            expected: cert.name,
          },
        ],
        discriminator: 'attached',
      });
    }
    if (!failed)
      ctx.pass({
        resource,
        messageId: 'active',
        data: { certificate: cert.name, domains: cert.domains.join(', '), ingresses: cert.usedBy.join(', ') },
      });
  }
}

/** The certificate the app's `baseUrl` serves: trusted, for its host, lasting `minCertificateDays`. */
function checkEndpoint(ctx: Ctx, v: Extract<TlsCertificateView, { source: 'probe' }>): void {
  const { resource, probe: d } = v;
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
}

/**
 * ADR-001 Issue 8: "Production requires HTTPS" with a Google-managed certificate for staging-api.coditect.ai.
 * One check, "a valid certificate covers the domain and does not expire within 14 days", asked of the
 * project's SSL certificates (`gcp`), of the GKE ManagedCertificates (`k8s`, where "valid" also means an
 * Ingress serves it) and of the certificate the endpoint hands out (`probe`). The HTTP-to-HTTPS redirect
 * (probe-http-https-redirect) is another check: it judges the plain-HTTP port, not a certificate.
 */
export default defineViewRule({
  id: 'network.tls-certificate',
  title: "No valid certificate serves the app's domain, or it expires within 14 days",
  concerns: ['network.tls-certificate'],
  view: 'tls-certificate',
  sources: {
    gcp: { alias: 'gcp-managed-certificate' },
    k8s: {
      alias: 'k8s-managed-certificate',
      messages: {
        noCertificate: 'No ManagedCertificate in {{namespace}} covers {{domain}}.',
        notActive: 'ManagedCertificate {{certificate}} is {{status}}, not Active{{domains}}.',
        expiresSoon:
          'ManagedCertificate {{certificate}} expires on {{expires}}, within {{days}} days: its renewal is not happening.',
        active: 'ManagedCertificate {{certificate}} is Active for {{domains}} and served by Ingress {{ingresses}}.',
      },
    },
    probe: { alias: 'probe-http-tls-certificate' },
  },
  adrIdentity: 'domain (staging-api.coditect.ai)',
  adrIdentityFields: ['domain'],
  description: `**Google Cloud**: reads the global SSL certificates of the expected project (compute \`sslCertificates.list\`) and keeps those whose managed domains or subject alternative names cover \`expectations.domain\` (default \`staging-api.coditect.ai\`). None fails. A Google-managed certificate must be ACTIVE with the domain ACTIVE (PROVISIONING, FAILED_NOT_VISIBLE, ... fail with the status), and no covering certificate may expire within ${MIN_DAYS} days of the time the data was collected. The best covering certificate decides. **Cluster**: in the app namespace, a ManagedCertificate (networking.gke.io/v1) must list the app's domain in \`spec.domains\`, be named by an Ingress's \`${MANAGED_CERTIFICATES_ANNOTATION}\` annotation, and be provisioned: \`status.certificateStatus: Active\` and the domain's \`status.domainStatus[].status: Active\`, with \`status.expireTime\` more than ${MIN_DAYS} days ahead (Google renews about 30 days before expiry). Every other ManagedCertificate an Ingress of the app namespace uses must be Active too. Clusters without the ManagedCertificate CRD (not GKE) skip this source. **Probe**: reads the certificate the app's \`baseUrl\` serves in the TLS handshake: it must chain to a trusted CA (the system's, plus \`caFile\`), cover the host name of \`baseUrl\`, and stay valid for at least \`minCertificateDays\` (default 14) more days. A \`baseUrl\` over plain \`http://\` fails: the app is not served over HTTPS at all.`,
  rationale:
    'ADR-001 Issue 8 (P1, "Production requires HTTPS"): the staging API was exposed over plain HTTP through a LoadBalancer; the fix is a Google-managed certificate on an Ingress. Without an active certificate for the domain the load balancer cannot serve HTTPS; a certificate stuck in provisioning (FailedNotVisible) usually means DNS does not point at the load balancer yet; a ManagedCertificate no Ingress names is never served; one that covers another domain or is about to lapse breaks every client, and 14 days leaves time to act.',
  remediation: {
    text: "Create a Google-managed certificate for the domain (or a ManagedCertificate named on the GKE Ingress), point the domain's DNS at the load balancer's address so it can provision, and check that it is ACTIVE and renewing.",
    commands: [
      'gcloud compute ssl-certificates create coditect-backend-staging-cert --domains=staging-api.coditect.ai --global --project={{project}}',
      'gcloud compute ssl-certificates describe coditect-backend-staging-cert --global --project={{project}} --format="value(managed.status, managed.domainStatus)"',
      'kubectl apply -f k8s/ingress.yaml',
      'kubectl get managedcertificate coditect-backend-cert -n coditect-staging -o jsonpath="{.status}"',
      'gcloud dns record-sets list --zone=<zone> --name=staging-api.coditect.ai.   # must resolve to the Ingress IP',
      'openssl s_client -connect staging-api.coditect.ai:443 -servername staging-api.coditect.ai </dev/null | openssl x509 -noout -dates -ext subjectAltName',
    ],
  },
  benchmarks: [
    { standard: 'CIS GKE Benchmark 1.6', id: '5.6.7', title: 'Ensure use of Google-managed SSL Certificates' },
  ],
  messages: {
    // gcp (k8s words these four its own way: sources.k8s.messages)
    active: `Certificate {{certificate}} covers {{domain}}, is ACTIVE and does not expire within ${MIN_DAYS} days.`,
    noCertificate: 'No certificate of project {{project}} covers {{domain}}.',
    notActive: 'Certificate {{certificate}} for {{domain}} is {{status}}, not ACTIVE.',
    expiresSoon: `Certificate {{certificate}} for {{domain}} expires within ${MIN_DAYS} days (or has expired).`,
    // k8s
    notAttached: 'ManagedCertificate {{certificate}} covers {{domain}} but no Ingress names it ({{annotation}}).',
    // probe
    notHttps: '{{url}} is served over plain HTTP, without TLS.',
    handshake: '{{url}}: no TLS handshake ({{error}}).',
    untrusted: 'The certificate of {{url}} is not trusted ({{reason}}).',
    wrongHost: 'The certificate of {{url}} does not cover {{host}} (it names {{names}}).',
    expiring: 'The certificate of {{url}} ends on {{validTo}}, in {{days}} day(s) (at least {{min}} required).',
    valid: 'The certificate of {{url}} is trusted, covers {{host}} and is valid until {{validTo}}.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === 'gcp') checkGcp(ctx, v);
      else if (v.source === 'k8s') checkCluster(ctx, v);
      else checkEndpoint(ctx, v);
    }
  },
});
