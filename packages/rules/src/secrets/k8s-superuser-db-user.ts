import { defineRule } from '@coditect-audit/core';
import { type AppSetting, appSettings, describeSetting, settingNamed } from '../util/k8s-app.js';
import {
  inScope,
  itemsOf,
  liveResource,
  secretView,
  topLevelWorkloads,
  viewOf,
  WORKLOAD_FACETS,
  workloadFacets,
} from '../util/k8s-live.js';

/**
 * ADR-001 Issue 2 (P0), on the cluster: the app connected to Cloud SQL as `postgres`, "discovered in
 * secrets": the live Secret (or env) tells which user the running app is given.
 */
export default defineRule({
  id: 'k8s-superuser-db-user',
  title: 'The running app connects to the database as a superuser',
  concerns: ['db.superuser-app-user'],
  layer: 'k8s',
  facets: ['k8s.secrets', ...WORKLOAD_FACETS],
  description:
    "The database user the running app is given (a key of `expectations.app.dbUserKeys` such as `db-user`, `DB_USER` or the user of `DATABASE_URL`, in a live Secret the app's workloads read, or a literal `env` value of those workloads; a key read through `secretKeyRef` counts under its env var name too) must not be a superuser name (`expectations.database.superuserNames`). Secret values are classified by the collector, which keeps a value only when it is a well-known superuser name; any other user passes here and its rights are the probe and GCP layers' to check.",
  rationale:
    'ADR-001 Issue 2 (P0): "Using postgres superuser for application connection (discovered in secrets)". The ADR creates `license_api_staging` with SELECT, INSERT, UPDATE and DELETE only and updates `backend-secrets`; until the live Secret changes, the running app keeps connecting as postgres.',
  remediation: {
    text: 'Create the dedicated application role with DML rights only and put it in the live Secret, then restart the app.',
    commands: [
      'gcloud sql users create license_api_staging --instance={{database.instance}} --password="$(openssl rand -base64 32)"',
      'kubectl create secret generic backend-secrets --namespace=coditect-staging --from-literal=db-user="license_api_staging" --from-literal=db-password="..." --dry-run=client -o yaml | kubectl apply -f -',
      'kubectl rollout restart deployment/coditect-backend -n coditect-staging',
    ],
  },
  benchmarks: [],
  messages: {
    superuser:
      'The running app connects to the database as {{user}} ({{setting}}), a superuser; use a role with DML rights only.',
    notSuperuser: 'The running app connects as {{user}} ({{setting}}), which is not a superuser name.',
    notSuperuserHidden:
      "The database user in {{setting}} is not a superuser name; the role's rights are checked by the probe and GCP layers.",
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const facet = ctx.facet('k8s.secrets');
    if (!inScope(facet, exp.app.namespace)) {
      ctx.skip(`namespace ${exp.app.namespace} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const objects = [
      ...topLevelWorkloads(workloadFacets(ctx.facet)).map(viewOf),
      ...itemsOf(facet)
        .filter((s) => s.namespace === exp.app.namespace)
        .map(secretView),
    ];
    const superusers = new Set(exp.database.superuserNames.map((n) => n.toLowerCase()));
    const settings = appSettings(objects, exp).filter((s) => settingNamed(s, exp.app.dbUserKeys));
    for (const s of settings) {
      const resource = liveResource({ kind: s.object.kind, name: s.object.name, namespace: s.object.namespace });
      const setting = describeSetting(s);
      const user = userOf(s);
      if (user.kind === 'unusable') {
        ctx.skip(`${setting} holds no usable user name (${user.reason})`, resource);
        continue;
      }
      if (user.kind === 'superuser' || (user.name && superusers.has(user.name.toLowerCase()))) {
        const shown = user.name ?? 'a superuser name';
        ctx.fail({
          resource,
          messageId: 'superuser',
          data: { user: shown, setting },
          evidence: [{ path: s.key, observed: shown, expected: 'a role that is not a superuser' }],
          discriminator: s.key,
        });
      } else if (user.name) {
        ctx.pass({ resource, messageId: 'notSuperuser', data: { user: user.name, setting }, discriminator: s.key });
      } else {
        ctx.pass({ resource, messageId: 'notSuperuserHidden', data: { setting }, discriminator: s.key });
      }
    }
    if (settings.length === 0)
      ctx.skip(`no database user setting (${exp.app.dbUserKeys.join(', ')}) in the live Secrets or env the app reads`);
  },
});

type UserOf =
  | { kind: 'superuser'; name?: string }
  | { kind: 'named'; name: string }
  | { kind: 'hidden'; name?: undefined }
  | { kind: 'unusable'; reason: string; name?: undefined };

function userOf(s: AppSetting): UserOf {
  const sk = s.secretKey;
  if (sk) {
    // The collector keeps a Secret's user (plain or in a URL) only when it is a well-known superuser name.
    const publicName = sk.url?.user ?? (sk.class === 'superuser-name' ? sk.publicValue : undefined);
    if (publicName || sk.class === 'superuser-name')
      return { kind: 'superuser', ...(publicName ? { name: publicName } : {}) };
    if (sk.class === 'set') return { kind: 'hidden' };
    return { kind: 'unusable', reason: sk.class };
  }
  if (s.value === undefined) return { kind: 'unusable', reason: 'its value is not readable' };
  const value = s.value.trim();
  const url = s.url;
  if (url) return url.user ? { kind: 'named', name: url.user } : { kind: 'unusable', reason: 'the URL names no user' };
  return value ? { kind: 'named', name: value } : { kind: 'unusable', reason: 'empty' };
}
