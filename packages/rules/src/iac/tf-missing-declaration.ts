import { defineRule } from '@coditect-audit/core';
import {
  anchorLocation,
  blockLocation,
  dataSourcesOf,
  declaresNothing,
  managesGoogleCloud,
  moduleCalls,
  NOT_GOOGLE_CLOUD,
  resourcesOf,
} from '../util/terraform.js';

/** The managed services ADR-001 runs, and the resource types that declare each one in OpenTofu. */
export const MANAGED_SERVICES = [
  {
    key: 'cloud-sql',
    /** What names a module that may declare it (`terraform-google-modules/...`), listed first when undecided. */
    moduleHint: /sql/i,
    label: 'Cloud SQL instance',
    article: 'a',
    types: ['google_sql_database_instance'],
  },
  {
    key: 'memorystore',
    moduleHint: /memorystore|redis/i,
    label: 'Memorystore instance',
    article: 'a',
    types: ['google_redis_instance', 'google_redis_cluster', 'google_memorystore_instance'],
  },
  {
    key: 'kms-key',
    moduleHint: /kms/i,
    label: 'Cloud KMS key',
    article: 'a',
    types: ['google_kms_crypto_key'],
  },
  {
    key: 'artifact-registry',
    moduleHint: /artifact-registry|artifact_registry|artifactregistry/i,
    label: 'Artifact Registry repository',
    article: 'an',
    types: ['google_artifact_registry_repository'],
  },
  {
    key: 'gke-cluster',
    moduleHint: /kubernetes-engine|gke/i,
    label: 'GKE cluster',
    article: 'a',
    types: ['google_container_cluster'],
  },
] as const;

/**
 * The name of a module of Google's own namespaces on the public registry (`terraform-google-modules/<name>/google`,
 * `GoogleCloudPlatform/<name>/google`), or of their GitHub repositories (`…/terraform-google-<name>`), whose
 * contents are known by name; undefined for any other module, which may declare anything.
 */
function googleModuleName(source: string | undefined): string | undefined {
  if (!source) return undefined;
  const registry =
    /^(?:registry\.terraform\.io\/)?(?:terraform-google-modules|GoogleCloudPlatform)\/([\w-]+)\/google(?:\/\/|$)/i.exec(
      source,
    );
  if (registry) return registry[1]!.toLowerCase();
  const git =
    /github\.com[/:](?:terraform-google-modules|GoogleCloudPlatform)\/terraform-google-([\w-]+?)(?:\.git)?(?:\/\/|\?|$)/i.exec(
      source,
    );
  return git ? git[1]!.toLowerCase() : undefined;
}

/**
 * Google's modules that declare none of the services (projects, networks, IAM, DNS, storage, load balancers,
 * plain VMs). Not `gcloud`, whose commands may create anything.
 */
const DECLARES_NO_SERVICE = new Set([
  'project-factory',
  'network',
  'iam',
  'service-accounts',
  'cloud-nat',
  'cloud-router',
  'address',
  'cloud-dns',
  'org-policy',
  'vpc-service-controls',
  'folders',
  'log-export',
  'cloud-storage',
  'bigquery',
  'pubsub',
  'lb-http',
  'lb-internal',
  'vm',
  'bastion-host',
]);

/**
 * Whether a remote module may declare `service`: any module but Google's own modules for other services (the
 * GKE module declares no Memorystore instance) and those that declare none of them.
 */
function mayDeclare(service: (typeof MANAGED_SERVICES)[number], source: string | undefined): boolean {
  // A registry module is `namespace/name/provider`: one for another provider (`terraform-aws-modules/eks/aws`)
  // declares no `google_*` resource.
  const provider = /^(?:[\w.-]+\/)?[\w-]+\/[\w-]+\/([\w-]+)(?:\/\/|$)/.exec(source ?? '')?.[1];
  if (provider !== undefined && !/^google(?:-beta)?$/.test(provider) && !/[.:]/.test(source!.split('/')[0]!))
    return false;
  const name = googleModuleName(source);
  if (name === undefined) return true;
  if (DECLARES_NO_SERVICE.has(name)) return false;
  if (service.moduleHint.test(name)) return true;
  return !MANAGED_SERVICES.some((other) => other.key !== service.key && other.moduleHint.test(name));
}

/**
 * ADR-001 Lesson 3: "Start with OpenTofu/Terraform for all infrastructure."
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
  id: 'tf-missing-declaration',
  title: 'A managed service of the ADR has no OpenTofu declaration',
  concerns: ['iac.declared'],
  layer: 'files',
  facets: ['files.terraform'],
  adrIdentity: 'set of managed services (Cloud SQL, Memorystore, KMS key, Artifact Registry, a GKE cluster)',
  adrIdentityFields: ['database.instance', 'redis.instance', 'kms.key', 'registry.repository'],
  description:
    'Each managed service ADR-001 runs must be declared by a `.tf` resource of the right type somewhere in the repository (modules included): a Cloud SQL instance (`google_sql_database_instance`), a Memorystore instance (`google_redis_instance`, or `google_redis_cluster` / `google_memorystore_instance`), a Cloud KMS key (`google_kms_crypto_key`), an Artifact Registry repository (`google_artifact_registry_repository`) and a GKE cluster (`google_container_cluster`). One verdict per service. When a module call with a remote source (not in the repository) could declare it, the check is undecided (`unknown`, naming those modules, the ones whose source names the service first) instead of a failure; the registry modules Google publishes (`terraform-google-modules/<name>/google`) are known by name: one for another service (the GKE module for a Memorystore instance) or for none of them (`project-factory`, `network`, `iam`...) cannot declare it. Otherwise a missing one fails at the `data` source that reads it (a sign it is managed elsewhere), else at the first `provider "google"` file. With no `.tf` file at all, one failure says no infrastructure as code exists; `.tf` files that manage no Google Cloud resource (no google provider, `google_*` block or Google module: another cloud) are not judged.',
  rationale:
    'ADR-001 Issue 1 (Infrastructure as Code Gap, P1) and Lesson 3 ("Manual gcloud commands created infrastructure not tracked in OpenTofu state"): the Artifact Registry repository and the Memorystore instance were created with gcloud and the Cloud SQL instance still has to be imported; what is not declared cannot be reviewed, reproduced or kept from drifting.',
  remediation: {
    text: "Declare the service in the environment's OpenTofu configuration (or a module it calls), import the live resource, and apply until the plan is empty.",
    commands: [
      'cd opentofu/environments/staging',
      'tofu init',
      'tofu import module.redis.google_redis_instance.main projects/{{project}}/locations/{{region}}/instances/{{redis.instance}}',
      'tofu plan',
    ],
  },
  benchmarks: [],
  messages: {
    declared: 'The {{service}} is declared in OpenTofu by {{address}}.',
    notDeclared:
      'No .tf file declares {{aService}} ({{types}}): one that exists was made outside OpenTofu (by gcloud or the console, as ADR-001 Lesson 3 found) and is not tracked.',
    onlyRead:
      'The {{service}} is only read by {{address}} (a data source), never declared as a resource: it is made outside OpenTofu (by gcloud or the console, as ADR-001 Lesson 3 found) and is not tracked.',
    maybeInRemoteModule:
      'No .tf file in the repository declares {{aService}} ({{types}}); module {{module}} (source {{source}}) is not in the repository and may declare it.',
    noIac:
      "The repository has no .tf file: none of the ADR's managed services (Cloud SQL, Memorystore, KMS key, Artifact Registry, GKE) is tracked by OpenTofu (ADR-001 Issue 1, Lesson 3).",
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    if (files.length === 0) {
      ctx.fail({
        resource: { id: 'iac:opentofu', kind: 'Repository', name: 'OpenTofu configuration' },
        messageId: 'noIac',
        evidence: [{ path: '**/*.tf', observed: 0, expected: "the environment's OpenTofu configuration" }],
      });
      return;
    }
    // OpenTofu for another cloud only (AWS, Azure) is not where Google Cloud services would be declared.
    if (!managesGoogleCloud(files)) {
      ctx.skip(`${NOT_GOOGLE_CLOUD}: the managed Google Cloud services are not expected in it`);
      return;
    }
    const remote = moduleCalls(files).filter((c) => c.target === undefined);
    for (const service of MANAGED_SERVICES) {
      const resource = { id: `iac-service:${service.key}`, kind: 'ManagedService', name: service.label };
      const types = [...service.types];
      const declared = resourcesOf(files, ...types).find((r) => !declaresNothing(r.block));
      if (declared) {
        ctx.pass({
          resource: { ...resource, file: declared.file.file },
          messageId: 'declared',
          data: { service: service.label, address: declared.address },
          location: blockLocation(declared.file.file, declared.block),
        });
        continue;
      }
      const data = { service: service.label, aService: `${service.article} ${service.label}`, types: types.join(', ') };
      const evidence = [{ path: `resource "${types[0]}"`, observed: 0, expected: 'at least one declaration' }];
      const read = dataSourcesOf(files, ...types)[0];
      const anchor = anchorLocation(files, ctx.env.name);
      // A remote module the scan does not read may declare it (a data source reading it then reads what the
      // module made): undecided, naming the modules, those named like the service first.
      const modules = remote
        .filter((c) => mayDeclare(service, c.source))
        .sort(
          (a, b) => Number(service.moduleHint.test(b.source ?? '')) - Number(service.moduleHint.test(a.source ?? '')),
        );
      const module = modules[0];
      if (module) {
        ctx.unknown({
          resource,
          messageId: 'maybeInRemoteModule',
          data: { ...data, module: module.name, source: module.source ?? 'not a literal' },
          ...(read ? { location: blockLocation(read.file.file, read.block) } : anchor ? { location: anchor } : {}),
          evidence,
          dependsOn: [
            ...modules.slice(0, 5).map((c) => `module.${c.name} (${c.source ?? 'source not a literal'})`),
            ...(modules.length > 5 ? [`${modules.length - 5} more remote module calls`] : []),
          ],
        });
        continue;
      }
      if (read) {
        ctx.fail({
          resource,
          messageId: 'onlyRead',
          data: { ...data, address: read.address },
          location: blockLocation(read.file.file, read.block),
          evidence,
        });
        continue;
      }
      ctx.fail({ resource, messageId: 'notDeclared', data, ...(anchor ? { location: anchor } : {}), evidence });
    }
  },
});
