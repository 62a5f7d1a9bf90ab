import { defineViewRule, type Evidence } from '@coditect-audit/core';
import { type Attribute, evidenceOf, type GkeClusterView, valueSourceOf } from '@coditect-audit/core/views';

const ENCRYPTED = ['ENCRYPTED', 'ALL_OBJECTS_ENCRYPTION_ENABLED'];
/** A live `currentState` that says the requested encryption is not (yet) in effect. */
const NOT_EFFECTIVE = /ERROR|PENDING|DECRYPTED/;

type Outcome =
  | { holds: true; key: string }
  | { holds: false; how: 'notSet' | 'decrypted' | 'noKey' | 'notEffective' }
  | { holds: undefined; on: Attribute<unknown> & { certainty: 'unresolved' } };

/**
 * The decision, whatever the source: `database_encryption.state` / `databaseEncryption.state` ENCRYPTED
 * with a Cloud KMS key (a reference to one decides as well as its name), and, live, a `currentState` that
 * is not an error or a pending change.
 */
function decide(v: GkeClusterView): Outcome {
  const state = v.databaseEncryptionState;
  const key = v.databaseEncryptionKey;
  const current = v.databaseEncryptionCurrentState;
  if (state.certainty === 'unresolved') return { holds: undefined, on: state };
  if (state.certainty === 'absent') return { holds: false, how: 'notSet' };
  if (!ENCRYPTED.includes(String(state.value))) return { holds: false, how: 'decrypted' };
  if (key.certainty === 'absent' || (key.certainty === 'decided' && !key.value)) return { holds: false, how: 'noKey' };
  if (current.certainty === 'decided' && NOT_EFFECTIVE.test(String(current.value)))
    return { holds: false, how: 'notEffective' };
  return { holds: true, key: key.certainty === 'decided' ? String(key.value) : key.expression };
}

/**
 * ADR-001 Issue 5: Kubernetes Secrets are "base64 encoded, not encrypted at rest by default". As declared
 * (OpenTofu) and as configured (the GKE API).
 */
export default defineViewRule({
  id: 'gke.secrets-encryption',
  title: 'GKE application-layer secrets encryption is off',
  concerns: ['gke.secrets-encryption'],
  view: 'gke-cluster',
  sources: {
    tf: { alias: 'tf-gke-secrets-encryption' },
    gcp: {
      alias: 'gcp-gke-secrets-encryption',
      messages: { encrypted: 'GKE {{cluster}} encrypts Secrets with {{key}}.' },
    },
  },
  description:
    'Each GKE cluster must encrypt Secrets in etcd with a Cloud KMS key the project controls. **OpenTofu** (`google_container_cluster`): `database_encryption { state = "ENCRYPTED" key_name = "<Cloud KMS key>" }`. No block, `state = "DECRYPTED"`, or `ENCRYPTED` without a `key_name` fails. The `key_name` may be a reference (`google_kms_crypto_key.<x>.id`): the state decides. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (container `clusters.list`): `databaseEncryption.state` ENCRYPTED (or ALL_OBJECTS_ENCRYPTION_ENABLED) with a `keyName` passes; DECRYPTED, UNKNOWN or absent fails; a `currentState` reporting an encryption error or a pending change fails with it.',
  rationale:
    'ADR-001 Issue 5 (Secrets Management with Secret Manager, P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)" beyond Google\'s disk encryption. Until every credential moves to Secret Manager, application-layer encryption keeps the Kubernetes copies encrypted in etcd with a Cloud KMS key, which can be revoked.',
  remediation: {
    text: 'Create a symmetric Cloud KMS key, grant the GKE service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it, and set `database_encryption` on the cluster (or turn it on for the live cluster).',
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
    { standard: 'Security Command Center', id: 'CLUSTER_SECRETS_ENCRYPTION_DISABLED' },
  ],
  messages: {
    // tf (gcp words encrypted its own way: see sources.gcp.messages)
    encrypted: '{{address}} encrypts Secrets in etcd with {{keyName}}.',
    decrypted:
      '{{address}} {{sets}} database_encryption.state = {{state}}{{from}}: Secrets in etcd are not encrypted with a Cloud KMS key.',
    notSet:
      '{{address}} has no database_encryption block: Secrets in etcd are only base64-encoded at the application layer (no Cloud KMS key).',
    noKey:
      '{{address}} sets database_encryption.state = ENCRYPTED without a key_name: GKE needs the Cloud KMS key to use.',
    unresolved:
      '{{field}} of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm Secrets are encrypted (the gcp layer reads the live value).',
    // gcp
    notEncrypted:
      'GKE {{cluster}} has databaseEncryption {{state}}: Secrets are stored without application-layer encryption.',
    notEffective: 'GKE {{cluster}} asks for encryption but its current state is {{currentState}}.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const state = v.databaseEncryptionState;
      const key = v.databaseEncryptionKey;
      const o = decide(v);
      if (v.source === 'gcp') {
        // Evidence and message data as the per-layer rule wrote them (reports and baselines compare them).
        const evidence: Evidence[] = [evidenceOf(state, 'ENCRYPTED'), evidenceOf(v.databaseEncryptionCurrentState)];
        const cluster = v.label;
        if (o.holds === true) ctx.pass({ resource, messageId: 'encrypted', data: { cluster, key: o.key }, evidence });
        else if (o.holds === false && o.how === 'notEffective')
          ctx.fail({
            resource,
            messageId: 'notEffective',
            data: { cluster, currentState: String(decidedOr(v.databaseEncryptionCurrentState, '')) },
            evidence,
          });
        else
          ctx.fail({
            resource,
            messageId: 'notEncrypted',
            data: { cluster, state: String(decidedOr(state, 'not set')) },
            evidence,
          });
        continue;
      }
      const address = v.label;
      const evidence = [evidenceOf(state, 'ENCRYPTED'), evidenceOf(key, 'a Cloud KMS key')];
      const at = (a: Attribute<unknown>) => (a.origin.location ? { location: a.origin.location } : {});
      if (o.holds === undefined)
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address, field: 'database_encryption.state', expression: o.on.expression },
          ...at(o.on),
          evidence,
          dependsOn: o.on.dependsOn,
        });
      else if (o.holds === true)
        ctx.pass({ resource, messageId: 'encrypted', data: { address, keyName: o.key }, evidence });
      else if (o.how === 'decrypted')
        ctx.fail({
          resource,
          messageId: 'decrypted',
          data: { address, state: String(decidedOr(state, '')), ...valueSourceOf(state) },
          ...at(state),
          evidence,
        });
      else if (o.how === 'noKey') ctx.fail({ resource, messageId: 'noKey', data: { address }, ...at(key), evidence });
      else ctx.fail({ resource, messageId: 'notSet', data: { address }, ...at(state), evidence });
    }
  },
});

function decidedOr(a: Attribute<unknown>, fallback: string): unknown {
  return a.certainty === 'decided' ? a.value : fallback;
}
