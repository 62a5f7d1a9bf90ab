import { defineRule } from '@coditect-audit/core';
import { gcpResource, nodeServiceAccount, rolesOf } from '../util/gcp.js';

/** Artifact Registry roles that include `artifactregistry.repositories.downloadArtifacts`. */
const READER_ROLES = [
  'roles/artifactregistry.reader',
  'roles/artifactregistry.writer',
  'roles/artifactregistry.createOnPushWriter',
  'roles/artifactregistry.repoAdmin',
  'roles/artifactregistry.createOnPushRepoAdmin',
  'roles/artifactregistry.admin',
];
/** Basic roles that also let the account pull, far more broadly than needed. */
const BASIC_ROLES = ['roles/owner', 'roles/editor', 'roles/viewer'];

/** ADR-001 Decision 1: "Grant IAM permissions to GKE compute service account: roles/artifactregistry.reader". */
export default defineRule({
  id: 'gcp-artifact-registry-reader',
  title: 'The service account GKE nodes pull with cannot read the Artifact Registry repository',
  concerns: ['registry.pull-permission'],
  layer: 'gcp',
  facets: ['gcp.gke', 'gcp.iam', 'gcp.artifactregistry-iam'],
  description:
    "For every node pool of every GKE cluster (container `clusters.list`), the service account it runs as (`default` is the project's Compute Engine default account, named with the project number from resourcemanager `projects.get`) must hold `roles/artifactregistry.reader` (or a role that includes it) on the project (`projects.getIamPolicy`) or on the expected repository (artifactregistry `repositories.getIamPolicy`). Holding only a basic role (owner, editor, viewer) passes with a note: it works but grants far more.",
  rationale:
    'ADR-001 Decision 1 (P0): after the GCR shutdown, pulls failed with 403 until the node service account was granted `roles/artifactregistry.reader`; without it every new pod fails with ImagePullBackOff.',
  remediation: {
    text: 'Grant the reader role to the node service account, preferably on the repository only.',
    commands: [
      'gcloud artifacts repositories add-iam-policy-binding coditect-backend --location={{region}} --member=serviceAccount:374018874256-compute@developer.gserviceaccount.com --role=roles/artifactregistry.reader --project={{project}}',
    ],
  },
  messages: {
    repositoryGrant: '{{account}} (nodes of {{pools}}) holds {{role}} on repository {{repository}}.',
    projectGrant: '{{account}} (nodes of {{pools}}) holds {{role}} on project {{project}}.',
    basicRole:
      '{{account}} (nodes of {{pools}}) can pull only through the basic role {{role}} on {{project}}, which grants far more than reading images.',
    noReader:
      '{{account}} (nodes of {{pools}}) holds no Artifact Registry read role on {{project}} or on {{repository}}: image pulls fail with 403.',
  },
  check(ctx) {
    const { project, registry } = ctx.env.expectations;
    const iam = ctx.facet('gcp.iam').projects;
    const repoPolicy = ctx
      .facet('gcp.artifactregistry-iam')
      .repositories.find(
        (r) => r.project === project && r.location === registry.location && r.repository === registry.repository,
      );
    const accounts = new Map<string, string[]>();
    for (const c of ctx.facet('gcp.gke').clusters) {
      const number = iam.find((p) => p.project === c.project)?.projectNumber;
      for (const pool of c.nodePools) {
        const account = nodeServiceAccount(pool.serviceAccount, number);
        if (!account) {
          ctx.skip(
            `node pool ${c.name}/${pool.name} runs as the default service account and the number of project ${c.project} is unknown`,
            gcpResource.nodePool(c, pool.name),
          );
          continue;
        }
        accounts.set(account, [...(accounts.get(account) ?? []), `${c.name}/${pool.name}`]);
      }
    }
    for (const [account, pools] of accounts) {
      const member = `serviceAccount:${account}`;
      const resource = gcpResource.serviceAccount(account);
      const projectRoles = rolesOf(iam.find((p) => p.project === project)?.policy, member);
      const repoRoles = rolesOf(repoPolicy?.policy, member);
      const data = {
        account,
        pools: pools.join(', '),
        project,
        repository: `${registry.location}/${registry.repository}`,
      };
      const evidence = [
        {
          path: `projects/${project}.bindings[members=${member}].role`,
          observed: projectRoles.join(', ') || null,
          expected: READER_ROLES[0],
        },
        {
          path: `repositories/${registry.repository}.bindings[members=${member}].role`,
          observed: repoRoles.join(', ') || null,
          expected: READER_ROLES[0],
        },
      ];
      const onRepo = repoRoles.find((r) => READER_ROLES.includes(r));
      const onProject = projectRoles.find((r) => READER_ROLES.includes(r));
      const basic = projectRoles.find((r) => BASIC_ROLES.includes(r));
      if (onRepo) ctx.pass({ resource, messageId: 'repositoryGrant', data: { ...data, role: onRepo }, evidence });
      else if (onProject)
        ctx.pass({ resource, messageId: 'projectGrant', data: { ...data, role: onProject }, evidence });
      else if (basic) ctx.pass({ resource, messageId: 'basicRole', data: { ...data, role: basic }, evidence });
      else ctx.fail({ resource, messageId: 'noReader', data, evidence });
    }
  },
});
