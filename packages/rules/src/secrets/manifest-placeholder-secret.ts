import { defineRule, type SecretKey, type SecretValueClass } from '@coditect-audit/core';
import {
  appSecretNames,
  appSecrets,
  k8sResource,
  manifestObjects,
  objectLocation,
  secretProducers,
} from '../util/k8s-app.js';

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
 * ADR-001 "Pending: Update Secrets": `backend-secrets` was created with placeholder values, so the
 * backend would start against hosts and credentials that do not exist.
 */
export default defineRule({
  id: 'manifest-placeholder-secret',
  title: 'A Secret the app uses holds a placeholder value',
  concerns: ['k8s.placeholder-secret'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description:
    'Each key of every Secret manifest the app uses (referenced by its workloads through `envFrom.secretRef`, `env.valueFrom.secretKeyRef` or a secret volume, or listed in `expectations.app.secrets`) must hold a real value: not empty, not a placeholder (`placeholder`, `changeme`, `TODO`, `xxx`...), not an example host (`example.com`, `localhost`...), and valid base64 under `data`. The collector classifies each value and never keeps it; messages name the key and the class only.',
  rationale:
    'ADR-001, Pending: Update Secrets: `backend-secrets` was "created with placeholder values" and the deployment cannot serve until real Cloud SQL and Memorystore endpoints and credentials replace them. A placeholder that reaches the cluster fails at run time, far from the manifest that caused it.',
  remediation: {
    text: 'Replace every placeholder with the real value, created from the real source rather than committed to the repository (better: from Secret Manager through External Secrets, see manifest-secrets-not-from-secret-manager).',
    commands: [
      'REDIS_HOST=$(gcloud redis instances describe {{redis.instance}} --region={{region}} --project={{project}} --format="value(host)")',
      'kubectl create secret generic backend-secrets --namespace=coditect-staging --from-literal=django-secret-key="$(openssl rand -base64 64)" --from-literal=db-host="10.28.0.3" --from-literal=db-port="5432" --from-literal=redis-host="$REDIS_HOST" --from-literal=redis-port="6379" --dry-run=client -o yaml | kubectl apply -f -',
      'kubectl rollout restart deployment/coditect-backend -n coditect-staging',
    ],
  },
  benchmarks: [],
  messages: {
    emptyValue: 'Secret {{secret}} key {{key}} is empty.',
    placeholderValue: 'Secret {{secret}} key {{key}} holds a placeholder value, not a real one.',
    exampleHost: 'Secret {{secret}} key {{key}} points at an example host ({{host}}), not a real endpoint.',
    invalidBase64: 'Secret {{secret}} key {{key}} under data is not valid base64, so the app receives garbage.',
    allSet: 'Every key of Secret {{secret}} ({{count}}) holds a value that is not a placeholder.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const objects = manifestObjects(ctx.facet('files.kubernetes'));
    const secrets = appSecrets(objects, exp);
    for (const secret of secrets) {
      const resource = k8sResource(secret, exp);
      const keys: SecretKey[] = secret.secretKeys ?? [];
      if (keys.length === 0) {
        ctx.skip(`Secret ${secret.name} declares no keys`, resource);
        continue;
      }
      let failed = false;
      for (const k of keys) {
        if (!isPlaceholderClass(k.class)) continue;
        failed = true;
        ctx.fail({
          resource,
          messageId: MESSAGE_OF[k.class],
          data: { secret: secret.name, key: k.key, class: k.class, host: k.publicValue ?? k.url?.host ?? 'example' },
          location: { file: secret.file, startLine: k.line, startColumn: k.column },
          evidence: [
            {
              path: `${k.source}.${k.key}`,
              observed:
                k.class === 'example-host' && (k.publicValue ?? k.url?.host)
                  ? `${k.class}: ${k.publicValue ?? k.url?.host}`
                  : k.class,
              expected: 'a real value',
            },
          ],
          discriminator: k.key,
        });
      }
      if (!failed) {
        ctx.pass({
          resource,
          messageId: 'allSet',
          data: { secret: secret.name, count: keys.length },
          location: objectLocation(secret),
        });
      }
    }
    const declared = new Set(secrets.map((s) => s.name));
    const producers = secretProducers(objects, exp);
    for (const name of appSecretNames(objects, exp).keys()) {
      if (declared.has(name)) continue;
      const producer = producers.get(`${exp.app.namespace}/${name}`)?.[0];
      ctx.skip(
        producer
          ? `Secret ${name} is rendered by ${producer.object.kind} ${producer.object.name} from an external store, so its values are not in the repository`
          : `Secret ${name} is not declared in the repository's manifests (created with kubectl or by an operator); the k8s layer checks the live Secret`,
        { id: `Secret/${exp.app.namespace}/${name}`, kind: 'Secret', name, namespace: exp.app.namespace },
      );
    }
  },
});
