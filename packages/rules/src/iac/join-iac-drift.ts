import { declarationKey, defineRule, type Location, type Resource } from '@coditect-audit/core';
import { gcpResource, wasRead } from '../util/gcp.js';
import { anchorLocation, blockLocation, displayValue, resourcesOf } from '../util/terraform.js';
import { TRACKED_TYPES } from './tf-resource-not-in-state.js';

/**
 * Attributes naming a resource, in a `.tf` block or a state instance's identity; the short ids first, since a
 * Secret Manager secret's `name` is its full resource name (`projects/<number>/secrets/<id>`).
 */
const NAME_ATTRIBUTES = ['secret_id', 'repository_id', 'instance_id', 'name'];

/** One live resource, keyed `<type>/<project>/<name>` like the state entries it is joined with. */
interface LiveResource {
  key: string;
  type: string;
  kind: string;
  name: string;
  resource: Resource;
}

/** One managed state instance of a tracked type. */
interface StateEntry {
  key: string;
  type: string;
  name: string;
  address: string;
  file: string;
  project: string;
  /** `location` or `region` of the identity, when it has one: the scope a location-wide listing read. */
  location?: string;
}

const keyOf = (type: string, project: string, name: string) => `${type}/${project}/${name}`;

/**
 * ADR-001 Issue 1 and Lesson 3, across layers: resources existed that OpenTofu did not know. The live
 * projects, the state and the `.tf` files each hold a list; drift is the difference, in both directions.
 *
 * Issue 1 is four checks, one per link of the chain the ADR asks for (ADR expects → `.tf` declares → state
 * holds → what runs), four concerns and four rules because each compares different objects, not the same
 * attribute seen from another layer: tf-missing-declaration (`iac.declared`: a service the ADR runs has a
 * `.tf` block), tf-resource-not-in-state (`iac.in-state`: each `.tf` block has a state entry), join-iac-drift
 * (`iac.state-drift`: each live resource has a state entry, and each state entry is live) and
 * gcp-unmanaged-resource (`iac.unmanaged-resource`: with no state to join, the provisioning labels of each
 * live resource, low certainty).
 * The live → state half and gcp-unmanaged-resource ask the same question of the same live resources with
 * different evidence (a state entry, a label); they stay apart because this rule also judges the other
 * direction (state entries deleted by hand) and covers key rings and Secret Manager secrets, and because
 * labels must not decide where a state exists.
 */
export default defineRule({
  id: 'join-iac-drift',
  title: 'Live resources and the OpenTofu state disagree (live ↔ state ↔ .tf)',
  concerns: ['iac.state-drift'],
  layer: 'gcp',
  crossLayer: true,
  facets: [
    'gcp.sql',
    'gcp.redis',
    'gcp.kms',
    'gcp.artifactregistry',
    'gcp.gke',
    'gcp.secretmanager',
    'files.tfstate',
    'files.terraform',
  ],
  description: `Joins the live Cloud SQL instances, Memorystore instances, KMS key rings and keys, Artifact Registry repositories, GKE clusters and Secret Manager secrets with the OpenTofu state files of the repository (managed instances of ${TRACKED_TYPES.join(', ')}, by type, project and the name in their identity attributes) and the \`.tf\` declarations (by type and literal or resolvable name). A live resource without a state entry is unmanaged and fails: at the \`.tf\` block that declares it when there is one (declared but never imported), else at the environment's main \`.tf\`. A state entry whose resource is not live (in a project and type that was read) fails at its \`.tf\` block: it was deleted or renamed by hand. Everything is indexed by key, so the join is linear. Without a state file the rule is skipped (tf-missing-declaration and gcp-unmanaged-resource still judge).`,
  rationale:
    'ADR-001 Issue 1 (P1): "Infrastructure deployed via manual gcloud commands, not fully managed by OpenTofu"; Lesson 3: "Import existing resources into state immediately." A resource outside the state cannot be reproduced or reviewed, and one the state still lists but that was removed by hand makes the next apply recreate it.',
  remediation: {
    text: 'Import every unmanaged live resource into the state (declaring it first when no `.tf` block does), and remove from the state (or recreate) what no longer exists; then plan until nothing changes.',
    commands: [
      'cd opentofu/environments/staging && tofu init',
      'tofu import module.cloudsql.google_sql_database_instance.main {{project}}/{{database.instance}}',
      'tofu import module.redis.google_redis_instance.main projects/{{project}}/locations/{{region}}/instances/{{redis.instance}}',
      'tofu state rm <address of a resource deleted by hand>',
      'tofu plan',
    ],
  },
  messages: {
    managed: '{{kind}} {{name}} is in the OpenTofu state ({{address}}).',
    unmanagedDeclared:
      '{{kind}} {{name}} exists live and is declared in {{declaration}}, but no state file holds it: it was created outside OpenTofu and never imported.',
    unmanaged:
      '{{kind}} {{name}} exists live, but no .tf block declares it and no state file holds it: it is not managed by OpenTofu.',
    stateOnly:
      '{{address}} ({{name}}) is in {{state}}, but no such {{type}} exists live in {{project}}: it was deleted or renamed outside OpenTofu.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const tfFiles = ctx.facet('files.terraform').files;
    const states = ctx.facet('files.tfstate').files;
    if (states.length === 0) {
      ctx.skip('no OpenTofu state file in the repository to compare the live resources with');
      return;
    }

    // Live resources, by key; and the scopes each type was read in.
    const live = new Map<string, LiveResource>();
    const read = new Map<string, readonly string[]>();
    const add = (type: string, project: string, name: string, kind: string, resource: Resource) =>
      live.set(keyOf(type, project, name), { key: keyOf(type, project, name), type, kind, name, resource });
    const sql = ctx.facet('gcp.sql');
    read.set('google_sql_database_instance', sql.read);
    for (const i of sql.instances)
      add('google_sql_database_instance', i.project, i.name, 'Cloud SQL instance', gcpResource.sqlInstance(i));
    const redis = ctx.facet('gcp.redis');
    read.set('google_redis_instance', redis.read);
    for (const i of redis.instances)
      add('google_redis_instance', i.project, i.name, 'Memorystore instance', gcpResource.redis(i));
    const kms = ctx.facet('gcp.kms');
    read.set('google_kms_key_ring', kms.read);
    read.set('google_kms_crypto_key', kms.read);
    for (const r of kms.keyRings) {
      add('google_kms_key_ring', r.project, r.name, 'KMS key ring', {
        id: `gcp:kms/${r.project}/${r.location}/${r.name}`,
        kind: 'KmsKeyRing',
        name: r.name,
        declaredAs: declarationKey({ layer: 'tf', type: 'google_kms_key_ring', name: r.name }),
      });
      for (const k of r.keys)
        add(
          'google_kms_crypto_key',
          r.project,
          k.name,
          'KMS key',
          gcpResource.kmsKey(r.project, r.location, r.name, k.name),
        );
    }
    const ar = ctx.facet('gcp.artifactregistry');
    read.set('google_artifact_registry_repository', ar.read);
    for (const r of ar.repositories)
      add(
        'google_artifact_registry_repository',
        r.project,
        r.name,
        'Artifact Registry repository',
        gcpResource.arRepository(r.project, r.location, r.name),
      );
    const gke = ctx.facet('gcp.gke');
    read.set('google_container_cluster', gke.read);
    for (const c of gke.clusters)
      add('google_container_cluster', c.project, c.name, 'GKE cluster', gcpResource.cluster(c));
    const sm = ctx.facet('gcp.secretmanager');
    read.set('google_secret_manager_secret', sm.read);
    for (const s of sm.secrets)
      add(
        'google_secret_manager_secret',
        s.project,
        s.name,
        'Secret Manager secret',
        gcpResource.secret(s.project, s.name),
      );

    // State entries, by key.
    const tracked = new Set<string>(TRACKED_TYPES);
    const state = new Map<string, StateEntry>();
    for (const s of states)
      for (const r of s.resources) {
        if (r.mode !== 'managed' || !tracked.has(r.type)) continue;
        for (const inst of r.instances) {
          const name = identityName(inst.identity);
          if (!name) continue;
          const project = inst.identity.project ?? projectOf(inst.identity.id) ?? exp.project;
          const key = keyOf(r.type, project, name);
          const location = inst.identity.location ?? inst.identity.region;
          if (!state.has(key))
            state.set(key, {
              key,
              type: r.type,
              name,
              address: r.address,
              file: s.file,
              project,
              ...(location ? { location } : {}),
            });
        }
      }

    // Declarations, by type and name (the name resolved through variables and locals when it is not literal).
    const declared = new Map<string, Location>();
    for (const r of resourcesOf(tfFiles, ...TRACKED_TYPES)) {
      for (const attr of NAME_ATTRIBUTES) {
        const name = displayValue(tfFiles, r.dir, r.block.attributes[attr]?.value);
        if (name === undefined) continue;
        const key = `${r.type}/${name}`;
        if (!declared.has(key)) declared.set(key, blockLocation(r.file.file, r.block));
        break;
      }
    }
    const anchor = anchorLocation(tfFiles, ctx.env.name);

    for (const l of [...live.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const entry = state.get(l.key);
      const declaration = declared.get(`${l.type}/${l.name}`);
      const evidence = [
        { path: `gcp: live ${l.kind}`, observed: l.name },
        {
          path: `state: ${states.map((s) => s.file).join(', ')}`,
          observed: entry ? entry.address : null,
          expected: `a ${l.type} whose identity names ${l.name}`,
        },
        {
          path: 'tf: declaration',
          observed: declaration ? `${declaration.file}:${declaration.startLine}` : null,
        },
      ];
      const data = { kind: l.kind, name: l.name };
      if (entry) {
        ctx.pass({ resource: l.resource, messageId: 'managed', data: { ...data, address: entry.address }, evidence });
      } else if (declaration) {
        ctx.fail({
          resource: l.resource,
          messageId: 'unmanagedDeclared',
          data: { ...data, declaration: `${declaration.file}:${declaration.startLine}` },
          location: declaration,
          evidence,
        });
      } else {
        ctx.fail({
          resource: l.resource,
          messageId: 'unmanaged',
          data,
          ...(anchor ? { location: anchor } : {}),
          evidence,
        });
      }
    }

    for (const e of [...state.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      if (live.has(e.key)) continue;
      const scope = `projects/${e.project}${e.location ? `/locations/${e.location}` : ''}`;
      if (!wasRead(read.get(e.type) ?? [], scope)) continue;
      const location = declared.get(`${e.type}/${e.name}`) ?? anchor;
      ctx.fail({
        resource: { id: `tfstate:${e.address}/${e.name}`, kind: 'StateEntry', name: e.address, file: e.file },
        messageId: 'stateOnly',
        data: { address: e.address, name: e.name, state: e.file, type: e.type, project: e.project },
        ...(location ? { location } : {}),
        evidence: [
          { path: `state: ${e.file}`, observed: `${e.address} (${e.name})` },
          { path: `gcp: live ${e.type} in ${e.project}`, observed: null, expected: e.name },
        ],
      });
    }
  },
});

/** The resource name in a state instance's identity: a name attribute, else its id; the last path segment of it. */
function identityName(identity: Record<string, string>): string | undefined {
  const value = NAME_ATTRIBUTES.map((attr) => identity[attr]).find((v) => v) ?? identity.id;
  return value ? value.split('/').pop() : undefined;
}

/** `projects/<p>/...` ids carry the project; Cloud SQL's `<p>:<instance>`-style ids do not. */
function projectOf(id: string | undefined): string | undefined {
  return id ? /^projects\/([^/]+)\//.exec(id)?.[1] : undefined;
}
