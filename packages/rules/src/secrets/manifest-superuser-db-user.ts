import { defineRule } from '@coditect-audit/core';
import {
  type AppSetting,
  appSecretNames,
  appSecrets,
  appSettings,
  describeSetting,
  k8sResource,
  manifestObjects,
  settingNamed,
} from '../util/k8s-app.js';

/**
 * ADR-001 Issue 2: the app connected to Cloud SQL as `postgres`, "discovered in secrets".
 * The files layer sees the user name the app is given; the role's rights are checked live.
 */
export default defineRule({
  id: 'manifest-superuser-db-user',
  title: 'The app connects to the database as a superuser',
  concerns: ['db.superuser-app-user'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description:
    "The database user the app is given (a key listed in `expectations.app.dbUserKeys` such as `db-user`, `DB_USER` or the user of `DATABASE_URL`, in a Secret or ConfigMap the app uses or in a literal `env` value of its workloads; a key read through `secretKeyRef` counts under the env var name too) must not be a superuser name (`expectations.database.superuserNames`, compared case-insensitively). Secret values are never read: the collector only marks well-known public names, so a Secret key that is set to anything else passes here and the live role's rights are left to the probe and GCP layers.",
  rationale:
    'ADR-001 Issue 2 (P0): "Using postgres superuser for application connection (discovered in secrets)". A superuser can drop tables, read every database and change roles; the ADR requires a dedicated role (`license_api_staging`) with only SELECT, INSERT, UPDATE and DELETE.',
  remediation: {
    text: 'Create a dedicated application role with DML rights only, and give the app that user instead of postgres.',
    commands: [
      'gcloud sql users create license_api_staging --instance={{database.instance}} --password="$(openssl rand -base64 32)"',
      "psql -h 10.28.0.3 -U postgres -d coditect -c 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO license_api_staging;'",
      'kubectl create secret generic backend-secrets --namespace=coditect-staging --from-literal=db-user="license_api_staging" --from-literal=db-password="..." --dry-run=client -o yaml | kubectl apply -f -',
    ],
  },
  benchmarks: [],
  messages: {
    superuser:
      'The app connects to the database as {{user}} ({{setting}}), a superuser; use a role with DML rights only.',
    notSuperuser:
      'The app connects to the database as {{user}} ({{setting}}), which is not a superuser name; its live rights are checked by the probe and GCP layers.',
    notSuperuserHidden:
      "The database user in {{setting}} is not a superuser name; the live role's rights are checked by the probe and GCP layers.",
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const objects = manifestObjects(ctx.facet('files.kubernetes'));
    const superusers = new Set(exp.database.superuserNames.map((n) => n.toLowerCase()));
    const userSettings = appSettings(objects, exp).filter((s) => settingNamed(s, exp.app.dbUserKeys));
    for (const s of userSettings) {
      const resource = k8sResource(s.object, exp);
      const setting = describeSetting(s);
      const user = userOf(s);
      if (user.kind === 'unusable') {
        ctx.skip(`${setting} holds no usable user name (${user.reason})`, resource);
        continue;
      }
      const isSuperuser = user.name
        ? superusers.has(user.name.toLowerCase())
        : user.kind === 'hidden' && user.superuserClass;
      if (isSuperuser) {
        const shown = user.name ?? 'a superuser name';
        ctx.fail({
          resource,
          messageId: 'superuser',
          data: { user: shown, setting },
          location: s.location,
          evidence: [{ path: s.key, observed: shown, expected: 'a role that is not a superuser' }],
          discriminator: s.key,
        });
      } else if (user.name) {
        ctx.pass({
          resource,
          messageId: 'notSuperuser',
          data: { user: user.name, setting },
          location: s.location,
          evidence: [{ path: s.key, observed: user.name }],
          discriminator: s.key,
        });
      } else {
        ctx.pass({
          resource,
          messageId: 'notSuperuserHidden',
          data: { setting },
          location: s.location,
          discriminator: s.key,
        });
      }
    }
    if (userSettings.length === 0) {
      const declared = new Set(appSecrets(objects, exp).map((o) => o.name));
      const undeclared = [...appSecretNames(objects, exp).keys()].filter((n) => !declared.has(n));
      ctx.skip(
        `no database user setting (${exp.app.dbUserKeys.join(', ')}) in the app's Secrets, ConfigMaps or env` +
          (undeclared.length
            ? `; ${undeclared.join(', ')} not declared in the repository (the k8s layer reads it)`
            : ''),
      );
    }
  },
});

type UserOf =
  | { kind: 'readable'; name: string }
  /** A Secret value: only a well-known public name is visible. */
  | { kind: 'hidden'; name?: string; superuserClass: boolean }
  | { kind: 'unusable'; reason: string; name?: undefined };

function userOf(s: AppSetting): UserOf {
  const sk = s.secretKey;
  if (sk) {
    // The collector keeps a URL's user (and a plain value) only when it is a well-known superuser name.
    const publicName = sk.url?.user ?? (sk.class === 'superuser-name' ? sk.publicValue : undefined);
    if (publicName) return { kind: 'hidden', superuserClass: true, name: publicName };
    if (sk.class === 'superuser-name') return { kind: 'hidden', superuserClass: true };
    if (sk.class === 'set') return { kind: 'hidden', superuserClass: false };
    return { kind: 'unusable', reason: sk.class };
  }
  if (s.value === undefined) return { kind: 'unusable', reason: 'its value is not in the repository' };
  const value = s.value.trim();
  const url = s.url;
  if (url)
    return url.user ? { kind: 'readable', name: url.user } : { kind: 'unusable', reason: 'the URL names no user' };
  return value ? { kind: 'readable', name: value } : { kind: 'unusable', reason: 'empty' };
}
