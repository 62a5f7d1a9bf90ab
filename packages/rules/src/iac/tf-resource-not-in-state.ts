import { defineRule, type TfFile, type TfState } from '@coditect-audit/core';
import {
  blockLocation,
  declaresNothing,
  dirOf,
  displayValue,
  findResource,
  isExpression,
  referenceTo,
  resourceOf,
  resourcesOf,
  rootModules,
  type TfResource,
} from '../util/terraform.js';

/** The managed resource types ADR-001's services are made of. */
export const TRACKED_TYPES = [
  'google_sql_database_instance',
  'google_redis_instance',
  'google_kms_key_ring',
  'google_kms_crypto_key',
  'google_artifact_registry_repository',
  'google_container_cluster',
  'google_secret_manager_secret',
] as const;

/**
 * ADR-001 Issue 1: resources created with gcloud are declared in OpenTofu but missing from its state
 * until they are imported; an apply would then try to create them again.
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
  id: 'tf-resource-not-in-state',
  title: 'A declared resource is not in the OpenTofu state',
  concerns: ['iac.in-state'],
  layer: 'files',
  facets: ['files.terraform', 'files.tfstate'],
  description: `When the repository holds a \`.tfstate\`, every managed resource of the ADR's services declared in a \`.tf\` file (${TRACKED_TYPES.join(', ')}) must have a state entry at its address: module path + type + name, where a local module call \`module "cloudsql" { source = "../../modules/cloudsql" }\` puts the module's resources at \`module.cloudsql.<type>.<name>\`. A state file belongs to the root module whose directory holds it (a lone root module takes any state file). A declared resource without an entry fails at its block with the exact \`tofu import\` command; one with an entry passes. Without a state file the rule is skipped: the live layer compares against the real state.`,
  rationale:
    'ADR-001 Issue 1 (Infrastructure as Code Gap, P1): "Infrastructure deployed via manual gcloud commands, not fully managed by OpenTofu"; the remediation imports Cloud SQL (`tofu import module.cloudsql.google_sql_database_instance.main coditect-cloud-infra/coditect-db`) and Redis before the next `tofu apply`. Lesson 3: "Import existing resources into state immediately."',
  remediation: {
    text: 'Import each declared-but-missing resource into the state of its root module, then plan until nothing is to be created.',
    commands: [
      'cd opentofu/environments/staging',
      'tofu init',
      'tofu import module.cloudsql.google_sql_database_instance.main {{project}}/{{database.instance}}',
      'tofu import module.redis.google_redis_instance.main projects/{{project}}/locations/{{region}}/instances/{{redis.instance}}',
      'tofu plan',
      'tofu apply',
    ],
  },
  benchmarks: [],
  messages: {
    inState: '{{address}} is in the state ({{state}}).',
    notInState:
      '{{address}} is declared but has no entry in {{state}}: it was not applied or was created outside OpenTofu (gcloud). Import it: {{command}}',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    const states = ctx.facet('files.tfstate').files;
    if (states.length === 0) {
      ctx.skip('no state file in the repository: the live layer compares against the real state');
      return;
    }
    const roots = rootModules(files);
    const stateOf = assignStates(
      roots.map((r) => r.dir),
      states,
    );
    const expectations = ctx.env.expectations;
    const resources = resourcesOf(files, ...TRACKED_TYPES).filter((r) => !declaresNothing(r.block));
    if (resources.length === 0) {
      ctx.skip(`no ${TRACKED_TYPES.join(', ')} resource is declared in any .tf file`);
      return;
    }
    for (const r of resources) {
      const resource = resourceOf(r);
      let checked = false;
      for (const root of roots) {
        const prefixes = root.reach.get(r.dir);
        if (!prefixes) continue;
        const rootStates = stateOf.get(root.dir) ?? [];
        if (rootStates.length === 0) continue;
        checked = true;
        const addresses = new Set(rootStates.flatMap(stateAddresses));
        const stateNames = rootStates.map((s) => s.file).join(', ');
        for (const prefix of prefixes) {
          const address = `${prefix}${r.address}`;
          const discriminator = `${root.dir || '.'}:${address}`;
          if (addresses.has(address)) {
            ctx.pass({
              resource,
              messageId: 'inState',
              data: { address, state: stateNames },
              location: blockLocation(r.file.file, r.block),
              discriminator,
            });
            continue;
          }
          const importId = importIdOf(files, r, expectations.project, expectations.region);
          const command = `${root.dir ? `cd ${root.dir} && ` : ''}tofu import ${address} ${importId}`;
          ctx.fail({
            resource,
            messageId: 'notInState',
            data: { address, state: stateNames, command },
            location: blockLocation(r.file.file, r.block),
            evidence: [
              { path: 'state address', observed: null, expected: address },
              { path: 'import command', observed: command },
            ],
            discriminator,
          });
        }
      }
      if (!checked) {
        ctx.skip(
          `${r.address} (${r.file.file}) belongs to no root module with a state file in the repository; the live layer compares it against the real state`,
          resource,
        );
      }
    }
  },
});

/**
 * Each state file goes to the deepest root module directory that contains it; when there is a single
 * root module, it also takes the state files found elsewhere (e.g. a state pulled into `state/`).
 */
function assignStates(rootDirs: string[], states: readonly TfState[]): Map<string, TfState[]> {
  const out = new Map<string, TfState[]>();
  const unassigned: TfState[] = [];
  for (const s of states) {
    const dir = dirOf(s.file);
    const owner = rootDirs
      .filter((root) => root === dir || root === '' || dir.startsWith(`${root}/`))
      .sort((a, b) => b.length - a.length)[0];
    if (owner === undefined) unassigned.push(s);
    else out.set(owner, [...(out.get(owner) ?? []), s]);
  }
  if (rootDirs.length === 1 && unassigned.length > 0) {
    const only = rootDirs[0]!;
    out.set(only, [...(out.get(only) ?? []), ...unassigned]);
  }
  return out;
}

/** Managed resource addresses of a state, without instance keys (`module.x["a"]` → `module.x`). */
function stateAddresses(state: TfState): string[] {
  return state.resources
    .filter((r) => r.mode === 'managed')
    .flatMap((r) => {
      const built = `${r.module ? `${r.module}.` : ''}${r.type}.${r.name}`;
      return [r.address, built].map((a) => a.replace(/\[[^\]]*\]/g, ''));
    });
}

/** The import id the google provider documents for each tracked type, filled as far as the files allow. */
function importIdOf(files: readonly TfFile[], r: TfResource, project: string, region: string): string {
  const v = (attr: string, fallback: string): string =>
    displayValue(files, r.dir, r.block.attributes[attr]?.value) ?? fallback;
  const p = v('project', project);
  switch (r.type) {
    case 'google_sql_database_instance':
      return `${p}/${v('name', '<instance-name>')}`;
    case 'google_redis_instance':
      return `projects/${p}/locations/${v('region', region)}/instances/${v('name', '<instance-name>')}`;
    case 'google_kms_key_ring':
      return `projects/${p}/locations/${v('location', region)}/keyRings/${v('name', '<key-ring>')}`;
    case 'google_kms_crypto_key':
      return `${keyRingIdOf(files, r, project, region)}/cryptoKeys/${v('name', '<key>')}`;
    case 'google_artifact_registry_repository':
      return `projects/${p}/locations/${v('location', region)}/repositories/${v('repository_id', '<repository>')}`;
    case 'google_container_cluster':
      return `projects/${p}/locations/${v('location', region)}/clusters/${v('name', '<cluster>')}`;
    case 'google_secret_manager_secret':
      return `projects/${p}/secrets/${v('secret_id', '<secret-id>')}`;
    default:
      return '<id>';
  }
}

function keyRingIdOf(files: readonly TfFile[], key: TfResource, project: string, region: string): string {
  const value = key.block.attributes.key_ring?.value;
  if (typeof value === 'string') return value;
  const ref = isExpression(value) ? referenceTo(value.expression, 'google_kms_key_ring') : undefined;
  const ring = ref ? findResource(files, ref.mode, 'google_kms_key_ring', ref.name, key.dir) : undefined;
  if (!ring) return `projects/${project}/locations/${region}/keyRings/<key-ring>`;
  const v = (attr: string, fallback: string) =>
    displayValue(files, ring.dir, ring.block.attributes[attr]?.value) ?? fallback;
  return `projects/${v('project', project)}/locations/${v('location', region)}/keyRings/${v('name', '<key-ring>')}`;
}
