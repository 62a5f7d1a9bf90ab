import { defineRule } from '@coditect-audit/core';
import type { K8sObject } from '@coditect-audit/core';
import {
  type AppSetting,
  appSettings,
  appWorkloads,
  containersOf,
  describeSetting,
  externalSecretTarget,
  isPostgresScheme,
  k8sResource,
  manifestObjects,
  settingNamed,
  sourceRefsOf,
} from '../util/k8s-app.js';

/** Settings that carry libpq's `sslmode` on their own. */
const SSLMODE_KEYS = [
  'DB_SSLMODE',
  'DB_SSL_MODE',
  'PGSSLMODE',
  'DATABASE_SSLMODE',
  'DATABASE_SSL_MODE',
  'POSTGRES_SSLMODE',
  'POSTGRES_SSL_MODE',
];
/** Settings that show the app talks to a database (besides the user keys of the expectations). */
// `INSTANCE_HOST`: Google's Cloud SQL samples (and the GKE quickstart's manifests) name the proxy's address so.
const DB_HOST_KEYS = ['DB_HOST', 'DATABASE_HOST', 'POSTGRES_HOST', 'PGHOST', 'DB_ADDRESS', 'INSTANCE_HOST'];
const DB_OTHER_KEYS = [
  'DB_NAME',
  'DATABASE_NAME',
  'POSTGRES_DB',
  'PGDATABASE',
  'DB_PORT',
  'PGPORT',
  'DB_PASSWORD',
  'DB_PASS',
  'PGPASSWORD',
];
const STRICT_MODES = ['require', 'verify-ca', 'verify-full'];

interface SslSetting {
  setting: AppSetting;
  /** The sslmode read; undefined when it sits in a Secret whose value is not readable. */
  mode: string | undefined;
  /** Set when the mode comes from a connection URL's query. */
  fromUrl: boolean;
}

/** A database host on the pod's own loopback: a proxy sidecar (Cloud SQL Auth Proxy) that encrypts upstream. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?)$/i;

/** The Cloud SQL Auth Proxy's images: v1 `cloudsql-docker/gce-proxy`, v2 `cloud-sql-connectors/cloud-sql-proxy`. */
const CLOUD_SQL_PROXY_IMAGE = /(?:^|\/)(?:gce-proxy|cloud-sql-proxy|cloudsql-proxy)(?::[^/]*)?(?:@sha256:[0-9a-f]+)?$/i;

/** The workloads that receive a setting: the one whose env declares it, or those that read its Secret/ConfigMap. */
function consumersOf(setting: AppSetting, workloads: readonly K8sObject[]): K8sObject[] {
  if (setting.source === 'env') return [setting.object];
  const kind = setting.source === 'ConfigMap' ? 'configMap' : 'secret';
  const name = setting.source === 'ExternalSecret' ? externalSecretTarget(setting.object) : setting.object.name;
  return workloads.filter(
    (w) => w.namespace === setting.object.namespace && sourceRefsOf(w, kind).some((r) => r.name === name),
  );
}

/** The Cloud SQL Auth Proxy container of a workload (a sidecar, or a native sidecar among its init containers). */
function proxySidecarOf(workload: K8sObject): string | undefined {
  for (const c of containersOf(workload)) {
    const image = typeof c.spec.image === 'string' ? c.spec.image : '';
    if (CLOUD_SQL_PROXY_IMAGE.test(image)) return typeof c.spec.name === 'string' ? c.spec.name : image;
  }
  return undefined;
}

/**
 * ADR-001 Issue 3: the app reaches Cloud SQL over private IP without SSL; the fix sets
 * `sslmode: require` in Django's database options.
 *
 * Not a source of `sql.ssl-not-enforced`: that rule judges the server (does the instance refuse plaintext
 * clients?), this one the client (does the app ask for TLS?). Different resources (the instance, the
 * workload's setting), different fixes (`ssl_mode` on the instance, `sslmode` in the app), and neither
 * implies the other: an instance that enforces TLS makes a lax client fail, a strict client does not make
 * the instance refuse others.
 */
export default defineRule({
  id: 'manifest-app-db-sslmode',
  title: "The app's database connection does not require TLS",
  concerns: ['db.client-tls'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description:
    "Where the manifests give the app its database connection (a `postgres://` URL such as `DATABASE_URL`, or host/user/name keys), they must ask for TLS: the URL's `sslmode` or a setting such as `DB_SSLMODE`, `PGSSLMODE` or `DATABASE_SSLMODE` is `require`, `verify-ca` or `verify-full`. A missing sslmode, or `disable`, `allow` or `prefer` (which fall back to plaintext), fails. A connection to `localhost` / `127.0.0.1` goes to a proxy beside the app (the Cloud SQL Auth Proxy), which encrypts the connection to the instance: it passes. So does an app whose settings name no database host (or keep it in a Secret value) when every workload that gets them runs the Auth Proxy as a sidecar (`gce-proxy`, `cloud-sql-proxy` images). Secret values are not read: an sslmode held in a Secret is reported only when the collector exposes it as a public value.",
  rationale:
    'ADR-001 Issue 3 (P1): "Current connection to Cloud SQL uses private IP without SSL enforcement", so data crosses the VPC unencrypted. The remediation enforces SSL on the instance and sets `sslmode: require` in the app; this rule checks the app side, the GCP and probe layers check the instance.',
  remediation: {
    text: 'Ask for TLS in the connection settings the app receives (and enforce it on the instance).',
    commands: [
      'kubectl create configmap backend-db --namespace=coditect-staging --from-literal=DB_SSLMODE=require --dry-run=client -o yaml | kubectl apply -f -',
      '# or in the URL: postgres://license_api_staging:...@10.28.0.3:5432/coditect?sslmode=require',
      'gcloud sql instances patch {{database.instance}} --ssl-mode=ENCRYPTED_ONLY --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    weakMode: '{{setting}} sets sslmode={{mode}}, which allows plaintext; use require, verify-ca or verify-full.',
    urlWithoutMode:
      '{{setting}} is a PostgreSQL URL without sslmode, and no sslmode setting is given: libpq then uses prefer, which falls back to plaintext.',
    missingMode:
      'The app gets database settings ({{setting}}) but no sslmode (DB_SSLMODE, PGSSLMODE or ?sslmode= in DATABASE_URL).',
    strictMode: '{{setting}} sets sslmode={{mode}}.',
    localProxy:
      '{{setting}} connects to {{host}}, a proxy beside the app (the Cloud SQL Auth Proxy): the proxy encrypts the connection to the database, so sslmode does not apply.',
    proxySidecar:
      '{{setting}} names no database host, and {{workload}} runs the Cloud SQL Auth Proxy ({{proxy}}) beside the app: the app connects through the proxy, which encrypts the connection to the database, so sslmode does not apply.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const objects = manifestObjects(ctx.facet('files.kubernetes'));
    const settings = appSettings(objects, exp);
    const ssl: SslSetting[] = [];
    const urlsWithoutMode: AppSetting[] = [];
    const local: { setting: AppSetting; host: string }[] = [];
    for (const s of settings) {
      if (settingNamed(s, SSLMODE_KEYS)) {
        const mode = s.secretKey ? s.secretKey.publicValue : s.value?.trim();
        ssl.push({ setting: s, mode, fromUrl: false });
        continue;
      }
      const url = s.secretKey ? s.secretKey.url : s.url;
      if (!url || !isPostgresScheme(url.scheme)) continue;
      if (url.sslmode) ssl.push({ setting: s, mode: url.sslmode, fromUrl: true });
      else if (url.host && LOOPBACK.test(url.host)) local.push({ setting: s, host: url.host });
      else urlsWithoutMode.push(s);
    }
    for (const { setting, host } of local)
      ctx.pass({
        resource: k8sResource(setting.object, exp),
        messageId: 'localProxy',
        data: { setting: describeSetting(setting), host },
        location: setting.location,
        discriminator: setting.key,
      });
    const dbSettings = settings.filter((s) =>
      settingNamed(s, [...DB_HOST_KEYS, ...DB_OTHER_KEYS, ...exp.app.dbUserKeys]),
    );
    if (ssl.length === 0 && urlsWithoutMode.length === 0 && local.length > 0) return;
    if (ssl.length === 0 && urlsWithoutMode.length === 0 && dbSettings.length === 0) {
      ctx.skip('the manifests give the app no database connection settings (DATABASE_URL, DB_HOST, DB_USER...)');
      return;
    }

    for (const { setting, mode, fromUrl } of ssl) {
      const resource = k8sResource(setting.object, exp);
      const where = describeSetting(setting);
      if (mode === undefined) {
        ctx.skip(
          `${where} holds the sslmode in a Secret value the files layer does not read; the probe layer checks the live connection`,
          resource,
        );
        continue;
      }
      const normalized = mode.toLowerCase();
      if (STRICT_MODES.includes(normalized)) {
        ctx.pass({
          resource,
          messageId: 'strictMode',
          data: { setting: where, mode: normalized },
          location: setting.location,
          discriminator: setting.key,
        });
      } else {
        ctx.fail({
          resource,
          messageId: 'weakMode',
          data: { setting: where, mode },
          location: setting.location,
          evidence: [
            {
              path: fromUrl ? `${setting.key}?sslmode` : setting.key,
              observed: mode,
              expected: STRICT_MODES.join(' | '),
            },
          ],
          discriminator: setting.key,
        });
      }
    }
    // A standalone sslmode setting governs URLs that do not carry their own.
    const standalone = ssl.some((s) => !s.fromUrl);
    if (!standalone) {
      for (const s of urlsWithoutMode) {
        ctx.fail({
          resource: k8sResource(s.object, exp),
          messageId: 'urlWithoutMode',
          data: { setting: describeSetting(s) },
          location: s.location,
          evidence: [{ path: `${s.key}?sslmode`, observed: null, expected: STRICT_MODES.join(' | ') }],
          discriminator: s.key,
        });
      }
    }
    if (ssl.length === 0 && urlsWithoutMode.length === 0) {
      // Point at the host setting when there is one: that is where the connection is described.
      const anchor = dbSettings.find((s) => settingNamed(s, DB_HOST_KEYS)) ?? dbSettings[0]!;
      const host = settingNamed(anchor, DB_HOST_KEYS) ? anchor.value?.trim() : undefined;
      if (host && LOOPBACK.test(host)) {
        ctx.pass({
          resource: k8sResource(anchor.object, exp),
          messageId: 'localProxy',
          data: { setting: describeSetting(anchor), host },
          location: anchor.location,
          discriminator: 'sslmode',
        });
        return;
      }
      // No host the repository shows (none set, or one in a Secret value not read), and every workload that
      // gets the settings runs the Cloud SQL Auth Proxy beside the app: the app reaches the database through
      // it (Google's GKE tutorials connect to 127.0.0.1 in code), and the proxy encrypts the connection.
      if (!host) {
        const workloads = appWorkloads(objects, exp);
        const consumers = [...new Set(dbSettings.flatMap((s) => consumersOf(s, workloads)))];
        const proxies = consumers.map(proxySidecarOf);
        if (consumers.length > 0 && proxies.every((p) => p !== undefined)) {
          ctx.pass({
            resource: k8sResource(anchor.object, exp),
            messageId: 'proxySidecar',
            data: {
              setting: describeSetting(anchor),
              workload: `${consumers[0]!.kind} ${consumers[0]!.name}`,
              proxy: proxies[0]!,
            },
            location: anchor.location,
            discriminator: 'sslmode',
          });
          return;
        }
      }
      ctx.fail({
        resource: k8sResource(anchor.object, exp),
        messageId: 'missingMode',
        data: { setting: describeSetting(anchor) },
        location: anchor.location,
        evidence: [{ path: 'sslmode', observed: null, expected: STRICT_MODES.join(' | ') }],
        discriminator: 'sslmode',
      });
    }
  },
});
