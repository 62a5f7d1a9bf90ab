import { defineViewRule } from '@coditect-audit/core';
import type { ExposureView } from '@coditect-audit/core/views';

type Decision =
  | { kind: 'internal'; annotation: string }
  | { kind: 'ingressController'; selector: string }
  | { kind: 'noPorts' }
  | { kind: 'plainPorts'; ports: { port: number | string; index: number }[] }
  | { kind: 'httpsOnly' }
  | { kind: 'tls'; how: string }
  | { kind: 'httpDisabled' }
  | { kind: 'noTls' };

/** Whether the way in serves plaintext HTTP to the internet: a public LoadBalancer's ports other than 443, an Ingress without a certificate. */
function decide(v: ExposureView): Decision {
  if (v.kind === 'Ingress')
    return v.tls ? { kind: 'tls', how: v.tls.how } : v.httpDisabled ? { kind: 'httpDisabled' } : { kind: 'noTls' };
  if (v.internal) return { kind: 'internal', annotation: v.internal };
  if (v.ingressController) return { kind: 'ingressController', selector: v.ingressController };
  if (v.ports.length === 0) return { kind: 'noPorts' };
  const plain = v.ports.map((p, index) => ({ port: p.port, index })).filter((p) => p.port !== 443);
  return plain.length ? { kind: 'plainPorts', ports: plain } : { kind: 'httpsOnly' };
}

/**
 * ADR-001 Issue 8: "Using basic Kubernetes LoadBalancer, no SSL/HTTPS"; the fix replaces it with a
 * ClusterIP Service behind a GKE Ingress with a managed certificate. In the manifests and in the cluster
 * (where the smoke tests call `http://$STAGING_IP`).
 */
export default defineViewRule({
  id: 'network.public-http',
  title: 'The app is exposed by a plain LoadBalancer Service over HTTP',
  concerns: ['network.public-http'],
  view: 'exposure',
  sources: {
    manifest: { alias: 'manifest-public-http-loadbalancer' },
    k8s: { alias: 'k8s-public-http-loadbalancer' },
  },
  description:
    'In the app namespace, in the manifests and live, a `Service` of `type: LoadBalancer` that is not internal (`networking.gke.io/load-balancer-type: Internal` or `cloud.google.com/load-balancer-type: Internal`) fails for every port other than 443: the load balancer passes plaintext HTTP from the internet to the pod (live, its external address `status.loadBalancer.ingress` is the evidence). An Ingress that routes to the app passes when it has a certificate (`spec.tls`, `networking.gke.io/managed-certificates` or `ingress.gcp.kubernetes.io/pre-shared-cert`) or turns its HTTP frontend off (`kubernetes.io/ingress.allow-http: "false"`), and fails otherwise. LoadBalancers of other namespaces, and one that selects an ingress controller\'s pods (`app.kubernetes.io/name: ingress-nginx`, `traefik`, `kong`, `istio: ingressgateway`...), are an ingress controller\'s own, not the app: its Ingresses are judged instead.',
  rationale:
    'ADR-001 Issue 8 (P1): "Using basic Kubernetes LoadBalancer, no SSL/HTTPS. Production requires HTTPS." The remediation replaces the LoadBalancer with a ClusterIP Service and a GCE Ingress with a Google-managed certificate for staging-api.coditect.ai; the smoke tests in the ADR still call http://$STAGING_IP.',
  remediation: {
    text: 'Make the Service ClusterIP and put an Ingress with a managed certificate in front of it.',
    commands: [
      'kubectl patch service coditect-backend -n coditect-staging -p \'{"spec":{"type":"ClusterIP"}}\'',
      `kubectl apply -f - <<EOF
apiVersion: networking.gke.io/v1
kind: ManagedCertificate
metadata: { name: coditect-backend-cert, namespace: coditect-staging }
spec: { domains: [staging-api.coditect.ai] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: coditect-backend
  namespace: coditect-staging
  annotations:
    kubernetes.io/ingress.class: gce
    networking.gke.io/managed-certificates: coditect-backend-cert
spec:
  rules:
    - host: staging-api.coditect.ai
      http:
        paths:
          - path: /*
            pathType: ImplementationSpecific
            backend: { service: { name: coditect-backend-internal, port: { number: 8000 } } }
EOF`,
    ],
  },
  benchmarks: [
    { standard: 'CIS GKE Benchmark 1.6', id: '5.6.7', title: 'Ensure use of Google-managed SSL Certificates' },
  ],
  messages: {
    publicPort:
      'Service {{service}} is a public LoadBalancer exposing port {{port}} without TLS termination; serve the app through an Ingress with a certificate.',
    // k8s (was `publicPort` in k8s-public-http-loadbalancer: it also names the address)
    livePublicPort:
      'Service {{service}} is a public LoadBalancer serving port {{port}} without TLS at {{address}}; serve the app through an Ingress with a certificate.',
    ingressWithoutTls:
      'Ingress {{ingress}} routes to {{backends}} without a certificate (no spec.tls or managed-certificates annotation), so it serves plain HTTP.',
    ingressHttpDisabled:
      'Ingress {{ingress}} turns its HTTP frontend off (kubernetes.io/ingress.allow-http: "false"): it serves no plain HTTP.',
    ingressTls: 'Ingress {{ingress}} serves {{backends}} over TLS ({{how}}).',
    internalLoadBalancer:
      'Service {{service}} is an internal LoadBalancer ({{annotation}}), not reachable from the internet.',
    httpsOnlyLoadBalancer: 'Service {{service}} is a LoadBalancer exposing only port 443.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      const { resource } = v;
      const at = v.location ? { location: v.location } : {};
      const d = decide(v);
      switch (d.kind) {
        case 'internal':
          ctx.pass({
            resource,
            messageId: 'internalLoadBalancer',
            data: { service: v.name, annotation: d.annotation },
            ...at,
          });
          break;
        case 'noPorts':
          ctx.skip(`LoadBalancer Service ${v.name} declares no ports`, resource);
          break;
        case 'ingressController':
          ctx.skip(
            `LoadBalancer Service ${v.name} is an ingress controller's own (it selects ${d.selector}): it serves the Ingresses, each judged for its certificate`,
            resource,
          );
          break;
        case 'httpsOnly':
          ctx.pass({ resource, messageId: 'httpsOnlyLoadBalancer', data: { service: v.name }, ...at });
          break;
        case 'plainPorts': {
          const addresses = v.kind === 'LoadBalancer' ? v.addresses : undefined;
          for (const { port, index } of d.ports) {
            const location = v.kind === 'LoadBalancer' ? v.ports[index]?.location : undefined;
            const evidence = [
              { path: 'spec.type', observed: 'LoadBalancer', expected: 'ClusterIP behind an Ingress with TLS' },
              { path: `spec.ports[${index}].port`, observed: port },
            ];
            if (addresses)
              ctx.fail({
                resource,
                messageId: 'livePublicPort',
                data: { service: v.name, port, address: addresses.join(', ') || 'an address still pending' },
                evidence: [
                  ...evidence,
                  { path: 'status.loadBalancer.ingress', observed: addresses.join(', ') || null },
                ],
                discriminator: `port:${port}`,
              });
            else
              ctx.fail({
                resource,
                messageId: 'publicPort',
                data: { service: v.name, port },
                ...(location ? { location } : {}),
                evidence,
                discriminator: `port:${port}`,
              });
          }
          break;
        }
        case 'tls':
          if (v.kind === 'Ingress')
            ctx.pass({
              resource,
              messageId: 'ingressTls',
              data: { ingress: v.name, backends: v.backends.join(', '), how: d.how },
              ...(v.tls?.location ? { location: v.tls.location } : {}),
            });
          break;
        case 'httpDisabled':
          if (v.kind === 'Ingress')
            ctx.pass({
              resource,
              messageId: 'ingressHttpDisabled',
              data: { ingress: v.name },
              ...(v.httpDisabled?.location ? { location: v.httpDisabled.location } : {}),
            });
          break;
        case 'noTls':
          if (v.kind === 'Ingress')
            ctx.fail({
              resource,
              messageId: 'ingressWithoutTls',
              data: { ingress: v.name, backends: v.backends.join(', ') },
              ...(v.specLocation ? { location: v.specLocation } : {}),
              evidence: [
                {
                  path: 'spec.tls',
                  observed: null,
                  expected: 'a certificate (spec.tls or networking.gke.io/managed-certificates)',
                },
              ],
            });
          break;
      }
    }
  },
});
