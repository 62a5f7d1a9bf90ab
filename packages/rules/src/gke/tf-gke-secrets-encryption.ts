import { defineRule } from '@coditect-audit/core';
import { forEachResource, read, readEvidence, readLocation, valueSource } from '../util/terraform.js';

/** ADR-001 Issue 5: Kubernetes Secrets are "base64 encoded, not encrypted at rest by default". */
export default defineRule({
  id: 'tf-gke-secrets-encryption',
  title: 'GKE application-layer secrets encryption is off (OpenTofu)',
  concerns: ['gke.secrets-encryption'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each `google_container_cluster` must have `database_encryption { state = "ENCRYPTED" key_name = "<Cloud KMS key>" }`, so Secrets in etcd are encrypted with a key the project controls. No block, `state = "DECRYPTED"`, or `ENCRYPTED` without a `key_name` fails. The `key_name` may be a reference (`google_kms_crypto_key.<x>.id`): the state decides. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first.',
  rationale:
    'ADR-001 Issue 5 (Secrets Management with Secret Manager, P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)". Until every credential moves to Secret Manager, application-layer encryption keeps the Kubernetes copies encrypted with a Cloud KMS key.',
  remediation: {
    text: 'Create a symmetric Cloud KMS key, grant the GKE service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it, and set `database_encryption` on the cluster.',
    commands: [
      'gcloud kms keys create gke-secrets --location={{region}} --keyring=coditect-gke --purpose=encryption --project={{project}}',
      'gcloud kms keys add-iam-policy-binding gke-secrets --location={{region}} --keyring=coditect-gke --member=serviceAccount:service-PROJECT_NUMBER@container-engine-robot.iam.gserviceaccount.com --role=roles/cloudkms.cryptoKeyEncrypterDecrypter --project={{project}}',
      'database_encryption {\n  state    = "ENCRYPTED"\n  key_name = google_kms_crypto_key.gke_secrets.id\n}',
      'gcloud container clusters update coditect-cluster --region={{region}} --database-encryption-key=projects/{{project}}/locations/{{region}}/keyRings/coditect-gke/cryptoKeys/gke-secrets --project={{project}}',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Kubernetes Engine (GKE) Benchmark 1.6.0',
      id: '5.3.1',
      title: 'Ensure Kubernetes Secrets are encrypted using keys managed in Cloud KMS',
    },
  ],
  messages: {
    encrypted: '{{address}} encrypts Secrets in etcd with {{keyName}}.',
    decrypted:
      '{{address}} {{sets}} database_encryption.state = {{state}}{{from}}: Secrets in etcd are not encrypted with a Cloud KMS key.',
    notSet:
      '{{address}} has no database_encryption block: Secrets in etcd are only base64-encoded at the application layer (no Cloud KMS key).',
    noKey:
      '{{address}} sets database_encryption.state = ENCRYPTED without a key_name: GKE needs the Cloud KMS key to use.',
    unresolved:
      '{{field}} of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm Secrets are encrypted (the gcp layer reads the live value).',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_container_cluster'], (r, resource) => {
      const file = r.file.file;
      const address = r.address;
      const state = read(r.block, 'database_encryption.state');
      const key = read(r.block, 'database_encryption.key_name');
      const evidence = [
        readEvidence(file, `${address}.database_encryption.state`, state, 'ENCRYPTED'),
        readEvidence(file, `${address}.database_encryption.key_name`, key, 'a Cloud KMS key'),
      ];
      if (state.kind === 'expression') {
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address, field: 'database_encryption.state', expression: state.expression },
          location: readLocation(file, state),
          evidence,
          dependsOn: state.dependsOn,
        });
        return;
      }
      if (state.kind === 'absent') {
        ctx.fail({ resource, messageId: 'notSet', data: { address }, location: readLocation(file, state), evidence });
        return;
      }
      if (state.value !== 'ENCRYPTED') {
        ctx.fail({
          resource,
          messageId: 'decrypted',
          data: { address, state: String(state.value), ...valueSource(state, file) },
          location: readLocation(file, state),
          evidence,
        });
        return;
      }
      if (key.kind === 'absent' || (key.kind === 'literal' && !key.value)) {
        ctx.fail({ resource, messageId: 'noKey', data: { address }, location: readLocation(file, key), evidence });
        return;
      }
      // The key itself may be a reference (google_kms_crypto_key.x.id): encryption is on either way.
      const keyName = key.kind === 'literal' ? String(key.value) : key.expression;
      ctx.pass({ resource, messageId: 'encrypted', data: { address, keyName }, evidence });
    });
  },
});
