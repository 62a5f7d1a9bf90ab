import { defineRule } from '@coditect-audit/core';
import {
  asArray,
  asNumber,
  asRecord,
  asString,
  inAppNamespace,
  k8sResource,
  locationAt,
  manifestObjects,
  objectLocation,
  valueAt,
} from '../util/k8s-app.js';
import {
  appIngresses,
  ingressBackends,
  ingressTls,
  internalAnnotation,
  isService,
  serviceType,
} from '../util/k8s-network.js';

/**
 * ADR-001 Issue 8: "Using basic Kubernetes LoadBalancer, no SSL/HTTPS"; the fix replaces it with a
 * ClusterIP Service behind a GKE Ingress with a managed certificate.
 */
export default defineRule({
  id: 'manifest-public-http-loadbalancer',
  title: 'The app is exposed by a plain LoadBalancer Service over HTTP',
  concerns: ['network.public-http'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description:
    "In the app namespace, a `Service` of `type: LoadBalancer` that is not internal (`networking.gke.io/load-balancer-type: Internal` or `cloud.google.com/load-balancer-type: Internal`) fails for every port other than 443: the load balancer passes plaintext HTTP from the internet to the pod. An Ingress that routes to the app passes when it has a certificate (`spec.tls`, `networking.gke.io/managed-certificates` or `ingress.gcp.kubernetes.io/pre-shared-cert`) and fails without one. LoadBalancers of other namespaces (an ingress controller's own) are not the app.",
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
  benchmarks: [],
  messages: {
    publicPort:
      'Service {{service}} is a public LoadBalancer exposing port {{port}} without TLS termination; serve the app through an Ingress with a certificate.',
    ingressWithoutTls:
      'Ingress {{ingress}} routes to {{backends}} without a certificate (no spec.tls or managed-certificates annotation), so it serves plain HTTP.',
    ingressTls: 'Ingress {{ingress}} serves {{backends}} over TLS ({{how}}).',
    internalLoadBalancer:
      'Service {{service}} is an internal LoadBalancer ({{annotation}}), not reachable from the internet.',
    httpsOnlyLoadBalancer: 'Service {{service}} is a LoadBalancer exposing only port 443.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const objects = manifestObjects(ctx.facet('files.kubernetes'));
    for (const svc of objects) {
      if (!isService(svc) || !inAppNamespace(svc, exp) || serviceType(svc) !== 'LoadBalancer') continue;
      const resource = k8sResource(svc, exp);
      const internal = internalAnnotation(svc);
      if (internal) {
        ctx.pass({
          resource,
          messageId: 'internalLoadBalancer',
          data: { service: svc.name, annotation: internal },
          location: objectLocation(svc),
        });
        continue;
      }
      const ports = asArray(valueAt(svc.object, '/spec/ports'));
      if (ports.length === 0) {
        ctx.skip(`LoadBalancer Service ${svc.name} declares no ports`, resource);
        continue;
      }
      let failed = false;
      ports.forEach((p, i) => {
        const port = asNumber(asRecord(p)?.port);
        if (port === 443) return;
        failed = true;
        const shown = port ?? asString(asRecord(p)?.port) ?? '?';
        ctx.fail({
          resource,
          messageId: 'publicPort',
          data: { service: svc.name, port: shown },
          location: locationAt(svc, `/spec/ports/${i}/port`),
          evidence: [
            { path: 'spec.type', observed: 'LoadBalancer', expected: 'ClusterIP behind an Ingress with TLS' },
            { path: `spec.ports[${i}].port`, observed: shown },
          ],
          discriminator: `port:${shown}`,
        });
      });
      if (!failed)
        ctx.pass({
          resource,
          messageId: 'httpsOnlyLoadBalancer',
          data: { service: svc.name },
          location: objectLocation(svc),
        });
    }
    for (const ing of appIngresses(objects, exp)) {
      const backends = [...new Set(ingressBackends(ing).map((b) => b.service))];
      if (backends.length === 0) continue;
      const resource = k8sResource(ing, exp);
      const data = { ingress: ing.name, backends: backends.join(', ') };
      const tls = ingressTls(ing);
      if (tls) {
        ctx.pass({
          resource,
          messageId: 'ingressTls',
          data: { ...data, how: tls.how },
          location: locationAt(ing, tls.pointer),
        });
      } else {
        ctx.fail({
          resource,
          messageId: 'ingressWithoutTls',
          data,
          location: locationAt(ing, '/spec'),
          evidence: [
            {
              path: 'spec.tls',
              observed: null,
              expected: 'a certificate (spec.tls or networking.gke.io/managed-certificates)',
            },
          ],
        });
      }
    }
  },
});
