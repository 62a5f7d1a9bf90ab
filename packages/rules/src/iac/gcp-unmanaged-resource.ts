import { defineRule, type Resource, type TfFile } from '@coditect-audit/core';
import { gcpResource, iacLabel } from '../util/gcp.js';

/**
 * ADR-001 Issue 1 / Lesson 3, what the live side alone can see: resources OpenTofu creates carry
 * `goog-terraform-provisioned=true` (google provider attribution label) and, here, the configuration's own
 * `managed-by` label. A resource made with gcloud has neither. Whether it is in the state is the files
 * layer's check; this one is low certainty (an imported resource gets the labels at its next apply).
 * Labels alone never decide: without the files layer the rule is not run, and a resource the repository's
 * OpenTofu declares is managed whatever its labels.
 *
 * Issue 1 is four checks, one per link of the chain the ADR asks for (ADR expects → `.tf` declares → state
 * holds → what runs), four concerns and four rules because each compares different objects, not the same
 * attribute seen from another layer: tf-missing-declaration (`iac.declared`: a service the ADR runs has a
 * `.tf` block), tf-resource-not-in-state (`iac.in-state`: each `.tf` block has a state entry), join-iac-drift
 * (`iac.state-drift`: each live resource has a state entry, and each state entry is live) and
 * gcp-unmanaged-resource (`iac.unmanaged-resource`: with no state to join, the provisioning labels of each
 * live resource, low certainty).
 */
export default defineRule({
  id: 'gcp-unmanaged-resource',
  title: 'A live managed resource carries no OpenTofu label (probably created by hand)',
  concerns: ['iac.unmanaged-resource'],
  layer: 'gcp',
  facets: ['gcp.sql', 'gcp.redis', 'gcp.kms', 'gcp.artifactregistry', 'gcp.gke'],
  crossLayer: true,
  // Without the repository's OpenTofu, a missing label is not evidence enough: the rule is then skipped.
  optionalFacets: ['files.terraform'],
  description:
    'Every Cloud SQL instance (`settings.userLabels`), Memorystore instance, KMS crypto key, Artifact Registry repository and GKE cluster (`resourceLabels`) of the scanned projects must carry `goog-terraform-provisioned=true` or `managed-by=opentofu` (or `terraform`). A resource with neither, and that no `.tf` resource block of the repository declares (same type and name), fails with low certainty: it was most likely created with gcloud or the console and is not under OpenTofu. A declared resource passes whatever its labels, and without the files layer the rule is not run: labels alone never make a finding.',
  rationale:
    'ADR-001 Issue 1 (P1) and Lesson 3: Cloud SQL and Memorystore were created with manual gcloud commands "not tracked in OpenTofu state", so they drift from the declared configuration and cannot be reproduced.',
  remediation: {
    text: 'Import the resource into the OpenTofu state and apply, so OpenTofu manages it and sets its labels.',
    commands: [
      'tofu import module.cloudsql.google_sql_database_instance.main {{project}}/{{database.instance}}',
      'tofu import module.redis.google_redis_instance.main projects/{{project}}/locations/{{region}}/instances/{{redis.instance}}',
      'tofu plan && tofu apply',
    ],
  },
  messages: {
    labelled: '{{kind}} {{name}} carries {{label}}.',
    declared: '{{kind}} {{name}} carries no OpenTofu label, but {{file}} declares it: it is managed by OpenTofu.',
    unlabelled:
      '{{kind}} {{name}} carries no OpenTofu label (labels: {{labels}}): it was probably created outside OpenTofu.',
  },
  check(ctx) {
    const declared = tfDeclarations(ctx.optionalFacet('files.terraform')?.files ?? []);
    const judge = (resource: Resource, kind: string, labels: Record<string, string>) => {
      const label = iacLabel(labels);
      const declaration = resource.declaredAs ? declared.get(resource.declaredAs) : undefined;
      const shown =
        Object.entries(labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ') || 'none';
      const evidence = [
        { path: 'labels', observed: shown, expected: 'goog-terraform-provisioned=true or managed-by=opentofu' },
      ];
      if (label) ctx.pass({ resource, messageId: 'labelled', data: { kind, name: resource.name, label }, evidence });
      else if (declaration)
        ctx.pass({ resource, messageId: 'declared', data: { kind, name: resource.name, file: declaration }, evidence });
      else
        ctx.fail({
          resource,
          messageId: 'unlabelled',
          data: { kind, name: resource.name, labels: shown },
          evidence,
          certainty: 'low',
        });
    };
    for (const i of ctx.facet('gcp.sql').instances)
      judge(gcpResource.sqlInstance(i), 'Cloud SQL instance', i.settings.userLabels);
    for (const i of ctx.facet('gcp.redis').instances) judge(gcpResource.redis(i), 'Memorystore instance', i.labels);
    for (const r of ctx.facet('gcp.kms').keyRings)
      for (const k of r.keys) judge(gcpResource.kmsKey(r.project, r.location, r.name, k.name), 'KMS key', k.labels);
    for (const r of ctx.facet('gcp.artifactregistry').repositories)
      judge(gcpResource.arRepository(r.project, r.location, r.name), 'Artifact Registry repository', r.labels);
    for (const c of ctx.facet('gcp.gke').clusters) judge(gcpResource.cluster(c), 'GKE cluster', c.resourceLabels);
  },
});

/** `tf:<type>/<name>` → `file:line` of every resource block, by its literal name (else its label). */
function tfDeclarations(files: readonly TfFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files)
    for (const b of f.blocks) {
      if (b.type !== 'resource' || b.labels.length < 2) continue;
      const literal = ['name', 'repository_id', 'instance_id', 'account_id', 'secret_id']
        .map((a) => b.attributes[a]?.value)
        .find((v): v is string => typeof v === 'string');
      const key = `tf:${b.labels[0]}/${literal ?? b.labels[1]}`;
      if (!out.has(key)) out.set(key, `${f.file}:${b.line}`);
    }
  return out;
}
