import { defineRule } from '@coditect-audit/core';
import { asArray, asNumber, asRecord, asString, valueAt } from '../util/k8s-app.js';
import { itemsOf, liveResource, viewOf } from '../util/k8s-live.js';
import { appIngresses, ingressBackends, ingressTls, publicLoadBalancers } from '../util/k8s-network.js';

/**
 * ADR-001 Issue 8, on the cluster: the app is reached through a plain LoadBalancer Service over HTTP
 * (the smoke tests call `http://$STAGING_IP`); the fix is an Ingress with a managed certificate.
 */
export default defineRule({
  id: 'k8s-public-http-loadbalancer',
  title: 'The app is exposed by a public LoadBalancer Service over HTTP',
  concerns: ['network.public-http'],
  layer: 'k8s',
  facets: ['k8s.services', 'k8s.ingresses'],
  description:
    'In the app namespace, a live `Service` of `type: LoadBalancer` that is not internal (`networking.gke.io/load-balancer-type: Internal`) fails for every port other than 443: the load balancer passes plaintext HTTP from the internet to the pods; its external address (`status.loadBalancer.ingress`) is the evidence. An Ingress routing to the app passes when it has a certificate (`spec.tls`, `networking.gke.io/managed-certificates` or `ingress.gcp.kubernetes.io/pre-shared-cert`) and fails without one.',
  rationale:
    'ADR-001 Issue 8 (P1): "Using basic Kubernetes LoadBalancer, no SSL/HTTPS. Production requires HTTPS." The remediation replaces it with a ClusterIP Service behind a GCE Ingress with a Google-managed certificate for staging-api.coditect.ai.',
  remediation: {
    text: 'Make the Service ClusterIP and put an Ingress with a managed certificate in front of it.',
    commands: [
      'kubectl apply -f k8s/ingress.yaml',
      'kubectl patch service coditect-backend -n coditect-staging -p \'{"spec":{"type":"ClusterIP"}}\'',
    ],
  },
  benchmarks: [
    { standard: 'CIS GKE Benchmark 1.6', id: '5.6.7', title: 'Ensure use of Google-managed SSL Certificates' },
  ],
  messages: {
    publicPort:
      'Service {{service}} is a public LoadBalancer serving port {{port}} without TLS at {{address}}; serve the app through an Ingress with a certificate.',
    ingressWithoutTls: 'Ingress {{ingress}} routes to {{backends}} without a certificate, so it serves plain HTTP.',
    ingressTls: 'Ingress {{ingress}} serves {{backends}} over TLS ({{how}}).',
    httpsOnlyLoadBalancer: 'Service {{service}} is a LoadBalancer serving only port 443.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const services = itemsOf(ctx.facet('k8s.services'));
    const ingresses = itemsOf(ctx.facet('k8s.ingresses'));
    const byView = new Map([...services, ...ingresses].map((o) => [viewOf(o), o]));
    const views = [...byView.keys()];
    for (const view of publicLoadBalancers(views, exp)) {
      const svc = byView.get(view)!;
      const resource = liveResource(svc);
      const addresses = asArray(valueAt(svc.object, '/status/loadBalancer/ingress'))
        .map((i) => asString(asRecord(i)?.ip) ?? asString(asRecord(i)?.hostname))
        .filter((a): a is string => Boolean(a));
      const address = addresses.join(', ') || 'an address still pending';
      let failed = false;
      asArray(valueAt(svc.object, '/spec/ports')).forEach((p, i) => {
        const port = asNumber(asRecord(p)?.port);
        if (port === 443) return;
        failed = true;
        const shown = port ?? asString(asRecord(p)?.port) ?? '?';
        ctx.fail({
          resource,
          messageId: 'publicPort',
          data: { service: svc.name, port: shown, address },
          evidence: [
            { path: 'spec.type', observed: 'LoadBalancer', expected: 'ClusterIP behind an Ingress with TLS' },
            { path: `spec.ports[${i}].port`, observed: shown },
            { path: 'status.loadBalancer.ingress', observed: addresses.join(', ') || null },
          ],
          discriminator: `port:${shown}`,
        });
      });
      if (!failed) ctx.pass({ resource, messageId: 'httpsOnlyLoadBalancer', data: { service: svc.name } });
    }
    for (const view of appIngresses(views, exp)) {
      const ing = byView.get(view)!;
      const backends = [...new Set(ingressBackends(view).map((b) => b.service))];
      if (backends.length === 0) continue;
      const data = { ingress: ing.name, backends: backends.join(', ') };
      const tls = ingressTls(view);
      if (tls) ctx.pass({ resource: liveResource(ing), messageId: 'ingressTls', data: { ...data, how: tls.how } });
      else
        ctx.fail({
          resource: liveResource(ing),
          messageId: 'ingressWithoutTls',
          data,
          evidence: [
            {
              path: 'spec.tls',
              observed: null,
              expected: 'a certificate (spec.tls or networking.gke.io/managed-certificates)',
            },
          ],
        });
    }
  },
});
