import { defineViewRule, type SecretValueClass } from '@coditect-audit/core';
import type { SecretKeyView } from '@coditect-audit/core/views';

type PlaceholderClass = Exclude<SecretValueClass, 'set' | 'superuser-name'>;

const MESSAGE_OF: Record<PlaceholderClass, 'emptyValue' | 'placeholderValue' | 'exampleHost' | 'invalidBase64'> = {
  empty: 'emptyValue',
  placeholder: 'placeholderValue',
  'example-host': 'exampleHost',
  'invalid-base64': 'invalidBase64',
};

/**
 * The keys whose value is no real value (the collector classified it; the value itself is never kept), but a
 * manifest's template references (`${DB_PASSWORD}`), which a deploy step may fill (`templated`).
 */
function placeholderKeys(keys: readonly SecretKeyView[]): (SecretKeyView & { class: PlaceholderClass })[] {
  return keys.filter((k): k is SecretKeyView & { class: PlaceholderClass } => k.class in MESSAGE_OF && !k.templated);
}

/**
 * ADR-001 "Pending: Update Secrets": `backend-secrets` was created with placeholder values, so the
 * backend would start against hosts and credentials that do not exist; in the manifests and in the cluster.
 */
export default defineViewRule({
  id: 'k8s.placeholder-secret',
  title: 'A Secret the app uses holds a placeholder value',
  concerns: ['k8s.placeholder-secret'],
  view: 'secret',
  sources: {
    manifest: { alias: 'manifest-placeholder-secret' },
    k8s: { alias: 'k8s-placeholder-secret' },
  },
  description:
    'Each key of every Secret the app uses (referenced by its workloads through `envFrom.secretRef`, `env.valueFrom.secretKeyRef` or a secret volume, or listed in `expectations.app.secrets`), in the manifests and live in the app namespace, must hold a real value: not empty, not a placeholder (`placeholder`, `changeme`, `TODO`, `xxx`...), not an example host (`example.com`, `localhost`...), and valid base64 under `data`. The collector classifies each value (live ones decoded in memory) and never keeps it; messages name the key and the class only. A Secret the manifests do not declare is left to the live source; one missing live is skipped (the pods that read it cannot start). In a manifest, a value that is wholly template syntax (an environment variable, `$DB_PASSWORD` or in braces, or a Helm expression, `{{ .Values.password }}`) is undecided, not failed: the step that applies the file (envsubst, Helm, a pipeline) may fill it, which the repository does not show; live, the same text is a placeholder.',
  rationale:
    'ADR-001, Pending: Update Secrets: `backend-secrets` was "created with placeholder values" and the deployment cannot serve until real Cloud SQL and Memorystore endpoints and credentials replace them (Step 3 recreates it with the real Cloud SQL host, the Redis host and a generated Django secret key). A placeholder that reaches the cluster fails at run time, far from the manifest that caused it; whatever the repository says, the values in the cluster are what the pods read.',
  remediation: {
    text: 'Replace every placeholder with the real value, created from the real source rather than committed to the repository (better: from Secret Manager through External Secrets, see secrets.not-in-secret-manager), then restart the Deployment.',
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
    templateValue:
      'Secret {{secret}} key {{key}} is template syntax (an environment variable or a Helm expression): its value is whatever the step that applies the manifest puts there (envsubst, Helm, a pipeline), which the repository does not show; applied as written, it is a placeholder. The k8s layer reads the live Secret.',
    exampleHost: 'Secret {{secret}} key {{key}} points at an example host ({{host}}), not a real endpoint.',
    invalidBase64: 'Secret {{secret}} key {{key}} under data is not valid base64, so the app receives garbage.',
    allSet: 'Every key of Secret {{secret}} ({{count}}) holds a value that is not a placeholder.',
  },
  check(ctx) {
    for (const secret of ctx.views) {
      const { resource } = secret;
      if (secret.keys.length === 0) {
        ctx.skip(`Secret ${secret.name} declares no keys`, resource);
        continue;
      }
      const bad = placeholderKeys(secret.keys);
      for (const k of bad) {
        const host = k.publicValue ?? k.urlHost;
        ctx.fail({
          resource,
          messageId: MESSAGE_OF[k.class],
          data: { secret: secret.name, key: k.key, class: k.class, host: host ?? 'example' },
          ...(k.location ? { location: k.location } : {}),
          evidence: [
            {
              path: k.path,
              observed: k.class === 'example-host' && host ? `${k.class}: ${host}` : k.class,
              expected: 'a real value',
            },
          ],
          discriminator: k.key,
        });
      }
      const templated = secret.keys.filter((k) => k.templated);
      for (const k of templated)
        ctx.unknown({
          resource,
          messageId: 'templateValue',
          data: { secret: secret.name, key: k.key },
          ...(k.location ? { location: k.location } : {}),
          evidence: [{ path: k.path, observed: 'template syntax', expected: 'a real value once applied' }],
          dependsOn: [`the value the deploy step substitutes for ${k.path} of Secret ${secret.name}`],
          discriminator: k.key,
        });
      if (bad.length === 0 && templated.length === 0)
        ctx.pass({
          resource,
          messageId: 'allSet',
          data: { secret: secret.name, count: secret.keys.length },
          ...(secret.location ? { location: secret.location } : {}),
        });
    }
  },
});
