/**
 * Identity Platform (Identity Toolkit admin v2; no official Node client: REST through
 * google-auth-library): the project config and the default IdP configs. Secrets are dropped here, at the
 * edge: the browser API key (`client.apiKey`), the password-hash signer key and salt separator
 * (`signIn.hashConfig`), and every IdP `clientSecret` (the client id is reduced to "set or not").
 */
import type { GcpIdentityProject } from '@coditect-audit/core';
import type { GcpApiCall } from '../api-calls.js';
import { classify, paginate } from '../call.js';
import { call, FacetBuilder, type FacetResults, type GcpRun } from '../context.js';
import { bool, compact, enumStr, lastSegment, obj, objs, type Raw, str, strs } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const IDENTITY_API_CALLS = {
  'identitytoolkit.projects.getConfig': {
    service: 'identitytoolkit',
    method: 'projects.getConfig',
    http: 'GET',
    path: '/v2/projects/{project}/config',
    via: 'rest',
    permission: 'firebaseauth.configs.get',
    role: 'roles/firebaseauth.viewer',
    facets: ['gcp.identity'],
  },
  'identitytoolkit.defaultSupportedIdpConfigs.list': {
    service: 'identitytoolkit',
    method: 'projects.defaultSupportedIdpConfigs.list',
    http: 'GET',
    path: '/v2/projects/{project}/defaultSupportedIdpConfigs',
    via: 'rest',
    permission: 'firebaseauth.configs.get',
    role: 'roles/firebaseauth.viewer',
    facets: ['gcp.identity'],
  },
} as const satisfies Record<string, GcpApiCall>;

export function identityConfig(project: string, c: Raw | undefined, idps: Raw[]): GcpIdentityProject {
  const signIn = obj(c?.signIn);
  return {
    project,
    exists: c !== undefined,
    ...compact({ subtype: enumStr(c?.subtype), mfaState: enumStr(obj(c?.mfa)?.state) }),
    signIn: compact({
      email: bool(obj(signIn?.email)?.enabled),
      emailPasswordRequired: bool(obj(signIn?.email)?.passwordRequired),
      phoneNumber: bool(obj(signIn?.phoneNumber)?.enabled),
      anonymous: bool(obj(signIn?.anonymous)?.enabled),
    }),
    authorizedDomains: strs(c?.authorizedDomains).sort(),
    idpConfigs: idps
      .map((i) =>
        compact({
          idp: lastSegment(str(i.name) ?? ''),
          enabled: bool(i.enabled),
          clientIdSet: Boolean(str(i.clientId)),
        }),
      )
      .filter((i) => i.idp !== '')
      .sort((a, b) => (a.idp < b.idp ? -1 : 1)),
  };
}

export async function collectIdentity(run: GcpRun): Promise<FacetResults> {
  const facet = new FacetBuilder();
  const projects: GcpIdentityProject[] = [];
  await Promise.all(
    run.settings.projects.map(async (project) => {
      let config: Raw | undefined;
      try {
        config = obj(await call(run, () => run.transport.call('identitytoolkit.projects.getConfig', { project })));
      } catch (e) {
        const err = classify(e);
        // SERVICE_DISABLED: the API is off, so there is no provider; the same answer Service Usage gives.
        if (err.kind === 'service-disabled') {
          projects.push({ ...identityConfig(project, undefined, []), apiEnabled: false });
          return;
        }
        // 404 (CONFIGURATION_NOT_FOUND): Identity Platform was never initialised in the project.
        if (err.kind !== 'not-found')
          return facet.fail('identitytoolkit.projects.getConfig', `projects/${project}/config`, project, err);
      }
      const idps = await facet.unit(
        'identitytoolkit.defaultSupportedIdpConfigs.list',
        `projects/${project}/defaultSupportedIdpConfigs`,
        project,
        () =>
          config === undefined
            ? Promise.resolve([])
            : paginate(async (pageToken) => {
                const body = obj(
                  await call(run, () =>
                    run.transport.call(
                      'identitytoolkit.defaultSupportedIdpConfigs.list',
                      { project },
                      { pageSize: 100, pageToken },
                    ),
                  ),
                );
                return { items: objs(body?.defaultSupportedIdpConfigs), next: str(body?.nextPageToken) };
              }),
      );
      if (idps) projects.push(identityConfig(project, config, idps));
    }),
  );
  return {
    'gcp.identity': facet.build<'gcp.identity'>({
      projects: projects.sort((a, b) => (a.project < b.project ? -1 : 1)),
    }),
  };
}
