/**
 * `docs/gcp-permissions.md`, generated from the API call table and the gcp rules' facets: the exact IAM
 * permissions each rule needs, and a minimal role set (predefined roles, or one custom role).
 */
import type { FacetName, Rule } from '@coditect-audit/core';
import { gcpApiCalls, GCP_DOCTOR_CALLS, type GcpApiCall } from './api-calls.js';
import { ENDPOINT_ENV } from './settings.js';

const calls = (): GcpApiCall[] => Object.values(gcpApiCalls());

function callsOf(facets: readonly string[]): GcpApiCall[] {
  return calls().filter((c) => c.facets.some((f) => facets.includes(f)));
}

const code = (s: string) => `\`${s}\``;
const via = (c: GcpApiCall) => (c.via === 'client' ? 'official client' : 'REST (google-auth-library)');
const uniqueSorted = (xs: string[]) => [...new Set(xs)].sort();

export function renderGcpPermissions(rules: readonly Rule[]): string {
  // A rule judged per source counts with the facets of its gcp sources (its `drift` source included).
  const gcpRules = rules
    .flatMap((r): { id: string; facets: FacetName[] }[] => {
      if (!r.sources) return r.layer === 'gcp' ? [{ id: r.id, facets: r.facets }] : [];
      const facets = [...new Set(r.sources.flatMap((s) => s.facets).filter((f) => f.startsWith('gcp.')))];
      return facets.length ? [{ id: r.id, facets }] : [];
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const permissions = uniqueSorted(calls().map((c) => c.permission));
  const roles = uniqueSorted(calls().map((c) => c.role));
  const out: string[] = [
    '<!-- Generated from packages/collectors/src/gcp/api-calls.ts and the gcp rules by `pnpm docs`. Do not edit by hand. -->',
    '# Google Cloud permissions',
    '',
    'The gcp layer only reads: `list`, `get` and `getIamPolicy` calls, each with the verb, path and query parameters',
    'Google declares for it (checked in the test suite against the bindings of the pinned clients), through the',
    'official client (REST) where the client calls it as declared, else as a REST call through google-auth-library',
    '(the Cloud KMS client sends `getIamPolicy` as a POST that Cloud KMS does not declare: googleapis/gax-nodejs#1462).',
    'It never calls a method that changes anything, never reads a Memorystore AUTH string (`getAuthString`) and never',
    'accesses a Secret Manager version (`accessSecretVersion`). It authenticates with Application Default Credentials',
    `at ${code('https://<service>.<universe domain>')} (${code('layers.gcp.universeDomain')} or ${code('GOOGLE_CLOUD_UNIVERSE_DOMAIN')}, default ${code('googleapis.com')}),`,
    `billing quota to ${code('layers.gcp.quotaProject')} or ${code('GOOGLE_CLOUD_QUOTA_PROJECT')} when set (${code('x-goog-user-project')});`,
    `with ${code(ENDPOINT_ENV)} (or ${code('layers.gcp.endpoint')}) it sends every call to that base URL without credentials.`,
    '',
    'A permission that is missing turns into an `error` verdict for exactly the rules below that need it, naming the',
    'API method, the resource and the permission; it never passes.',
    '',
    '## Minimal role set',
    '',
    `Predefined roles that grant every permission below and nothing that writes (${roles.length} roles):`,
    '',
    ...roles.map((r) => `- ${code(r)}`),
    '',
    'Or one custom role with exactly these permissions:',
    '',
    '```sh',
    `gcloud iam roles create coditectAuditReader --project=PROJECT --title="coditect-audit reader" \\`,
    `  --permissions=${permissions.join(',')}`,
    'gcloud projects add-iam-policy-binding PROJECT --role=projects/PROJECT/roles/coditectAuditReader \\',
    '  --member=serviceAccount:SCANNER@PROJECT.iam.gserviceaccount.com',
    '```',
    '',
    '## Permissions by rule',
    '',
    '| rule | facets | API methods | permissions |',
    '|---|---|---|---|',
  ];
  for (const r of gcpRules) {
    const used = callsOf(r.facets);
    out.push(
      `| [${r.id}](rules/${r.id}.md) | ${r.facets.map(code).join(', ')} | ${uniqueSorted(
        used.map((c) => `${c.service}.${c.method}`),
      )
        .map(code)
        .join(', ')} | ${uniqueSorted(used.map((c) => c.permission))
        .map(code)
        .join(', ')} |`,
    );
  }
  out.push(
    '',
    '## API methods',
    '',
    '| API method | HTTP | REST path (declared) | query | via | permission | role | facets | rules |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const c of calls()) {
    const users = gcpRules
      .filter((r) => r.facets.some((f) => (c.facets as readonly FacetName[]).includes(f)))
      .map((r) => r.id);
    out.push(
      `| ${code(`${c.service}.googleapis.com ${c.method}`)} | ${c.http} | ${code(c.path)} | ${(c.query ?? []).map(code).join(', ')} | ${via(c)} | ${code(c.permission)} | ${code(c.role)} | ${c.facets.map(code).join(', ')} | ${users.join(', ') || '(collected for other layers)'} |`,
    );
  }
  for (const c of Object.values(GCP_DOCTOR_CALLS) as GcpApiCall[])
    out.push(
      `| ${code(`${c.service}.googleapis.com ${c.method}`)} | ${c.http} | ${code(c.path)} | | ${via(c)} | ${c.permission} | | | (\`coditect-audit doctor\` only) |`,
    );
  out.push(
    '',
    '`POST` is used only where Google declares a read as a POST: Resource Manager `getIamPolicy` (options in the',
    'JSON body), IAM `serviceAccounts.getIamPolicy` (declared without a body: the policy version goes in the query)',
    'and `testIamPermissions` (doctor). Cloud KMS and Artifact Registry declare `getIamPolicy` as a GET with',
    '`options.requestedPolicyVersion` in the query. Paging parameters (`pageSize`/`maxResults`, `pageToken`) and the',
    "clients' `$alt=json;enum-encoding=int` are left out of the query column.",
  );
  return `${out.join('\n')}\n`;
}
