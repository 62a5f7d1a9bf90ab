import { defineRule, type SecretValueClass } from '@coditect-audit/core';
import { appSecretNames } from '../util/k8s-app.js';
import {
  inScope,
  itemsOf,
  liveResource,
  topLevelWorkloads,
  viewOf,
  WORKLOAD_FACETS,
  workloadFacets,
} from '../util/k8s-live.js';

type PlaceholderClass = Exclude<SecretValueClass, 'set' | 'superuser-name'>;

const MESSAGE_OF: Record<PlaceholderClass, 'emptyValue' | 'placeholderValue' | 'exampleHost' | 'invalidBase64'> = {
  empty: 'emptyValue',
  placeholder: 'placeholderValue',
  'example-host': 'exampleHost',
  'invalid-base64': 'invalidBase64',
};

function isPlaceholderClass(c: SecretValueClass): c is PlaceholderClass {
  return c in MESSAGE_OF;
}

/**
 * ADR-001 "Pending: Update Secrets", on the cluster: `backend-secrets` was created with placeholder values
 * and the step that replaces them with the real Cloud SQL and Memorystore endpoints had not run.
 */
export default defineRule({
  id: 'k8s-placeholder-secret',
  title: 'A live Secret the app uses holds a placeholder value',
  concerns: ['k8s.placeholder-secret'],
  layer: 'k8s',
  facets: ['k8s.secrets', ...WORKLOAD_FACETS],
  description:
    "Each key of every live Secret the app uses (referenced by its workloads in the app namespace through `envFrom.secretRef`, `env.valueFrom.secretKeyRef` or a secret volume, or listed in `expectations.app.secrets`) must hold a real value: not empty, not a placeholder (`placeholder`, `changeme`, `TODO`, `xxx`...), not an example host (`example.com`, `localhost`...). The collector decodes each value in memory, classifies it with the files layer's classifier and keeps only the class; messages name the key and the class, never the value.",
  rationale:
    'ADR-001, Pending: Update Secrets: `backend-secrets` was "created with placeholder values", and Step 3 recreates it with the real Cloud SQL host, the Redis host and a generated Django secret key. Whatever the repository says, the values in the cluster are what the pods read.',
  remediation: {
    text: 'Recreate the Secret from the real values (better: from Secret Manager through External Secrets), then restart the Deployment.',
    commands: [
      'REDIS_HOST=$(gcloud redis instances describe {{redis.instance}} --region={{region}} --project={{project}} --format="value(host)")',
      'kubectl create secret generic backend-secrets --namespace=coditect-staging --from-literal=django-secret-key="$(openssl rand -base64 64)" --from-literal=db-host="10.28.0.3" --from-literal=db-port="5432" --from-literal=redis-host="$REDIS_HOST" --from-literal=redis-port="6379" --dry-run=client -o yaml | kubectl apply -f -',
      'kubectl rollout restart deployment/coditect-backend -n coditect-staging',
    ],
  },
  benchmarks: [],
  messages: {
    emptyValue: 'Secret {{secret}} key {{key}} is empty in the cluster.',
    placeholderValue: 'Secret {{secret}} key {{key}} holds a placeholder value in the cluster, not a real one.',
    exampleHost:
      'Secret {{secret}} key {{key}} points at an example host ({{host}}) in the cluster, not a real endpoint.',
    invalidBase64: 'Secret {{secret}} key {{key}} is not valid base64, so the app receives garbage.',
    allSet: 'Every key of Secret {{secret}} ({{count}}) holds a value that is not a placeholder.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const facet = ctx.facet('k8s.secrets');
    if (!inScope(facet, exp.app.namespace)) {
      ctx.skip(`namespace ${exp.app.namespace} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const used = appSecretNames(topLevelWorkloads(workloadFacets(ctx.facet)).map(viewOf), exp);
    const secrets = itemsOf(facet).filter((s) => s.namespace === exp.app.namespace && used.has(s.name));
    for (const secret of secrets) {
      const resource = liveResource(secret);
      if (secret.keys.length === 0) {
        ctx.skip(`Secret ${secret.name} has no keys`, resource);
        continue;
      }
      let failed = false;
      for (const k of secret.keys) {
        if (!isPlaceholderClass(k.class)) continue;
        failed = true;
        const host = k.publicValue ?? k.url?.host;
        ctx.fail({
          resource,
          messageId: MESSAGE_OF[k.class],
          data: { secret: secret.name, key: k.key, class: k.class, host: host ?? 'example' },
          evidence: [
            {
              path: `data.${k.key}`,
              observed: k.class === 'example-host' && host ? `${k.class}: ${host}` : k.class,
              expected: 'a real value',
            },
          ],
          discriminator: k.key,
        });
      }
      if (!failed)
        ctx.pass({ resource, messageId: 'allSet', data: { secret: secret.name, count: secret.keys.length } });
    }
    const present = new Set(secrets.map((s) => s.name));
    for (const name of used.keys()) {
      if (present.has(name)) continue;
      ctx.skip(
        `Secret ${name} does not exist in ${exp.app.namespace}; the pods that read it cannot start (see k8s-rollout-healthy)`,
        liveResource({ kind: 'Secret', name, namespace: exp.app.namespace }),
      );
    }
  },
});
