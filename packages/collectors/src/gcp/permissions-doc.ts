/**
 * `docs/gcp-permissions.md`, generated from the API call table and the gcp rules' facets: the exact IAM
 * permissions each rule needs, and a minimal role set (predefined roles, or one custom role).
 */
import type { FacetName, Rule } from '@coditect-audit/core';
import { GCP_API_CALLS, type GcpApiCall } from './api-calls.js';
import { ENDPOINT_ENV } from './settings.js';

const calls = Object.values(GCP_API_CALLS) as GcpApiCall[];

function callsOf(facets: readonly string[]): GcpApiCall[] {
  return calls.filter((c) => c.facets.some((f) => facets.includes(f)));
}

const code = (s: string) => `\`${s}\``;
const uniqueSorted = (xs: string[]) => [...new Set(xs)].sort();

export function renderGcpPermissions(rules: readonly Rule[]): string {
  const gcpRules = rules.filter((r) => r.layer === 'gcp').sort((a, b) => (a.id < b.id ? -1 : 1));
  const permissions = uniqueSorted(calls.map((c) => c.permission));
  const roles = uniqueSorted(calls.map((c) => c.role));
  const out: string[] = [
    '<!-- Generated from packages/collectors/src/gcp/api-calls.ts and the gcp rules by `pnpm docs`. Do not edit by hand. -->',
    '# Google Cloud permissions',
    '',
    'The gcp layer only reads: `list`, `get` and `getIamPolicy` calls through the official clients (REST). It never',
    'calls a method that changes anything, never reads a Memorystore AUTH string (`getAuthString`) and never accesses',
    'a Secret Manager version (`accessSecretVersion`). It authenticates with Application Default Credentials; with',
    `${code(ENDPOINT_ENV)} (or ${code('layers.gcp.endpoint')}) it sends every call to that base URL without credentials.`,
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
    '| API method | HTTP | REST path | permission | role | facets | rules |',
    '|---|---|---|---|---|---|---|',
  );
  for (const c of calls) {
    const users = gcpRules
      .filter((r) => r.facets.some((f) => (c.facets as readonly FacetName[]).includes(f)))
      .map((r) => r.id);
    out.push(
      `| ${code(`${c.service}.googleapis.com ${c.method}`)} | ${c.http} | ${code(c.path)} | ${code(c.permission)} | ${code(c.role)} | ${c.facets.map(code).join(', ')} | ${users.join(', ') || '(collected for other layers)'} |`,
    );
  }
  out.push(
    '',
    '`POST` is used only by `getIamPolicy`, which reads a policy (Cloud KMS, Resource Manager and IAM send it as a',
    'POST; Artifact Registry as a GET).',
  );
  return `${out.join('\n')}\n`;
}
