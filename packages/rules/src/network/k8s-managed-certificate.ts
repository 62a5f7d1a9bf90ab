import { defineRule, type K8sLiveObject } from '@coditect-audit/core';
import { asArray, asRecord, asString } from '../util/k8s-app.js';
import { annotationsOfLive, inScope, itemsOf, liveResource, specOf, statusOf } from '../util/k8s-live.js';

const MANAGED_CERTIFICATES = 'networking.gke.io/managed-certificates';
/** Google renews a managed certificate about 30 days ahead; one that is 14 days from expiry is not renewing. */
const RENEWAL_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * ADR-001 Issue 8: "Create Google-managed SSL certificate --domains=staging-api.coditect.ai" and use it
 * from a GKE Ingress. A ManagedCertificate is only useful when it covers the domain, is attached to the
 * Ingress and has been provisioned (`Active`).
 */
export default defineRule({
  id: 'k8s-managed-certificate',
  title: "No active managed certificate serves the app's domain",
  concerns: ['network.tls-certificate'],
  layer: 'k8s',
  facets: ['k8s.managedcertificates', 'k8s.ingresses'],
  adrIdentity: 'domain (staging-api.coditect.ai)',
  adrIdentityFields: ['domain'],
  description:
    "In the app namespace, a ManagedCertificate (networking.gke.io/v1) must list the app's domain (`expectations.domain`) in `spec.domains`, be named by an Ingress's `networking.gke.io/managed-certificates` annotation, and be provisioned: `status.certificateStatus: Active` and the domain's `status.domainStatus[].status: Active`, with `status.expireTime` more than 14 days ahead (Google renews about 30 days before expiry). Every other ManagedCertificate an Ingress of the app namespace uses must be Active too. Clusters without the ManagedCertificate CRD (not GKE) skip this rule; the live endpoint's certificate is the probe layer's.",
  rationale:
    'ADR-001 Issue 8 (P1): "Production requires HTTPS". A ManagedCertificate that is Provisioning or FailedNotVisible (DNS not pointing at the load balancer yet) leaves the Ingress without a certificate; one no Ingress names is never served.',
  remediation: {
    text: 'Create the ManagedCertificate for the domain, name it on the Ingress, and point the domain at the Ingress address so it can be provisioned.',
    commands: [
      'kubectl apply -f k8s/ingress.yaml',
      'kubectl get managedcertificate coditect-backend-cert -n coditect-staging -o jsonpath="{.status}"',
      'gcloud dns record-sets list --zone=<zone> --name=staging-api.coditect.ai.   # must resolve to the Ingress IP',
    ],
  },
  benchmarks: [
    { standard: 'CIS GKE Benchmark 1.6', id: '5.6.7', title: 'Ensure use of Google-managed SSL Certificates' },
  ],
  messages: {
    noCertificate: 'No ManagedCertificate in {{namespace}} covers {{domain}}.',
    notAttached: 'ManagedCertificate {{certificate}} covers {{domain}} but no Ingress names it ({{annotation}}).',
    notActive: 'ManagedCertificate {{certificate}} is {{status}}, not Active{{domains}}.',
    expiresSoon:
      'ManagedCertificate {{certificate}} expires on {{expires}}, within {{days}} days: its renewal is not happening.',
    active: 'ManagedCertificate {{certificate}} is Active for {{domains}} and served by Ingress {{ingresses}}.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const ns = exp.app.namespace;
    const facet = ctx.facet('k8s.managedcertificates');
    if (!inScope(facet, ns)) {
      ctx.skip(`namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const certificates = itemsOf(facet).filter((c) => c.namespace === ns);
    const ingressFacet = ctx.facet('k8s.ingresses');
    // Whether a certificate is attached can only be told when the namespace's Ingresses were read.
    const ingressesRead = inScope(ingressFacet, ns);
    const ingresses = itemsOf(ingressFacet).filter((i) => i.namespace === ns);
    const usedBy = (cert: K8sLiveObject) =>
      ingresses.filter((i) =>
        (annotationsOfLive(i)[MANAGED_CERTIFICATES] ?? '')
          .split(',')
          .map((s) => s.trim())
          .includes(cert.name),
      );
    const domainsOf = (cert: K8sLiveObject) => asArray(specOf(cert).domains).map((d) => asString(d) ?? '');
    const covering = certificates.filter((c) => domainsOf(c).includes(exp.domain));
    if (covering.length === 0) {
      ctx.fail({
        resource: { id: `k8s:Domain/${ns}/${exp.domain}`, kind: 'Domain', name: exp.domain, namespace: ns },
        messageId: 'noCertificate',
        data: { namespace: ns, domain: exp.domain },
        evidence: [
          {
            path: `managedcertificates/${ns}[].spec.domains`,
            observed: certificates.flatMap(domainsOf).join(', ') || null,
            expected: exp.domain,
          },
        ],
      });
    }
    const judged = new Set([...covering, ...certificates.filter((c) => usedBy(c).length > 0)]);
    for (const cert of [...judged].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const resource = liveResource(cert);
      const status = statusOf(cert);
      const overall = asString(status.certificateStatus) || 'not provisioned';
      const perDomain = asArray(status.domainStatus).map((d) => ({
        domain: asString(asRecord(d)?.domain) ?? '',
        status: asString(asRecord(d)?.status) ?? 'unknown',
      }));
      const inactive = perDomain.filter((d) => d.status !== 'Active');
      let failed = false;
      if (overall !== 'Active' || inactive.length > 0) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'notActive',
          data: {
            certificate: cert.name,
            status: overall,
            domains: inactive.length ? ` (${inactive.map((d) => `${d.domain}: ${d.status}`).join(', ')})` : '',
          },
          evidence: [
            { path: 'status.certificateStatus', observed: overall, expected: 'Active' },
            ...inactive.map((d) => ({
              path: `status.domainStatus[${d.domain}]`,
              observed: d.status,
              expected: 'Active',
            })),
          ],
          discriminator: 'status',
        });
      }
      const expires = asString(status.expireTime);
      const expiresAt = expires ? Date.parse(expires) : Number.NaN;
      const left = (expiresAt - ctx.now.getTime()) / DAY_MS;
      if (!Number.isNaN(expiresAt) && left < RENEWAL_DAYS) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'expiresSoon',
          data: { certificate: cert.name, expires: expires ?? '', days: RENEWAL_DAYS },
          evidence: [
            { path: 'status.expireTime', observed: expires ?? null, expected: `more than ${RENEWAL_DAYS} days ahead` },
          ],
          discriminator: 'expiry',
        });
      }
      const users = usedBy(cert);
      if (users.length === 0 && ingressesRead) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'notAttached',
          data: { certificate: cert.name, domain: exp.domain, annotation: MANAGED_CERTIFICATES },
          evidence: [
            {
              path: `ingresses/${ns}[].metadata.annotations["${MANAGED_CERTIFICATES}"]`,
              observed:
                ingresses
                  .map((i) => annotationsOfLive(i)[MANAGED_CERTIFICATES] ?? '')
                  .filter(Boolean)
                  .join('; ') || null,
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
          data: {
            certificate: cert.name,
            domains: domainsOf(cert).join(', '),
            ingresses: users.map((i) => i.name).join(', '),
          },
        });
    }
  },
});
