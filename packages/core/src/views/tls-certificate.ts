/**
 * The TLS-certificate view: the certificates that serve (or should serve) the app's domain
 * (`expectations.domain`), per source.
 * - `gcp`: one view per domain: the project's global SSL certificates (compute `sslCertificates.list`) whose
 *   managed domains or subject alternative names cover it;
 * - `k8s`: one view per domain: the ManagedCertificates of the app namespace, each with the domains it lists,
 *   its provisioning status, its expiry and the Ingresses that name it;
 * - `probe`: one view per probed endpoint: the certificate the app's `baseUrl` serves in the TLS handshake.
 * Whether a certificate lasts is judged by the rule against the scan's clock; the builders only read.
 */
import type { Expectations } from '../config.js';
import type { HttpProbe } from '../layers/probe.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import {
  annotationsOfLive,
  asArray,
  asRecord,
  asString,
  inScope,
  itemsOf,
  liveResource,
  specOf,
  statusOf,
} from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';
import { type Static, Type } from '@sinclair/typebox';
import { OptStr, Read, Str } from '../layers/gcp-shapes.js';
import { lazySchema } from '../lazy-schema.js';

// ---------------------------------------------------------------- facets only this view reads

/** One Compute Engine SSL certificate (compute `sslCertificates.list`). */
export const GcpSslCertificateSchema = lazySchema(() =>
  Type.Object({
    project: Str,
    name: Str,
    /** MANAGED | SELF_MANAGED */
    type: OptStr,
    managedStatus: OptStr,
    domains: Type.Array(Str),
    domainStatus: Type.Record(Type.String(), Type.String()),
    subjectAlternativeNames: Type.Array(Str),
    expireTime: OptStr,
  }),
);
export type GcpSslCertificate = Static<typeof GcpSslCertificateSchema>;

/** The gcp facets only this view reads (spread into layers/gcp.ts `GcpFacetSchemas`). */
export const TLS_CERTIFICATE_FACET_SCHEMAS = {
  /** compute sslCertificates.list (global) */
  'gcp.compute-ssl': lazySchema(() => Type.Object({ read: Read, certificates: Type.Array(GcpSslCertificateSchema) })),
} as const;
export interface TlsCertificateFacets {
  'gcp.compute-ssl': { read: string[]; certificates: GcpSslCertificate[] };
}

export const MANAGED_CERTIFICATES_ANNOTATION = 'networking.gke.io/managed-certificates';

/** A ManagedCertificate of the app namespace as the cluster reports it. */
export interface ManagedCertificateEntry {
  name: string;
  resource: Resource;
  /** `spec.domains`. */
  domains: string[];
  /** `status.certificateStatus`, or `not provisioned`. */
  status: string;
  /** `status.domainStatus[]`. */
  domainStatus: { domain: string; status: string }[];
  /** `status.expireTime`. */
  expireTime?: string;
  /** The Ingresses of the namespace whose managed-certificates annotation names it. */
  usedBy: string[];
}

export type TlsCertificateView = { resource: Resource; domain: string } & (
  | {
      source: 'gcp';
      project: string;
      /** The project's certificates that cover the domain. */
      covering: GcpSslCertificate[];
      /** Every managed domain of the project's certificates (evidence when none covers). */
      listedDomains: string[];
    }
  | {
      source: 'k8s';
      namespace: string;
      certificates: ManagedCertificateEntry[];
      /** Whether the namespace's Ingresses were read (attachment can only be told then). */
      ingressesRead: boolean;
      /** The managed-certificates annotations of the namespace's Ingresses. */
      ingressAnnotations: string[];
    }
  | { source: 'probe'; probe: HttpProbe }
);

/** `*.example.com` covers one label below it. */
function covers(pattern: string, domain: string): boolean {
  if (pattern === domain) return true;
  return (
    pattern.startsWith('*.') && domain.endsWith(pattern.slice(1)) && !domain.slice(0, -pattern.length + 1).includes('.')
  );
}

export function tlsCertificatesFromGcp(
  facet: FacetMap['gcp.compute-ssl'],
  exp: Expectations,
): ViewSet<TlsCertificateView> {
  const { project, domain } = exp;
  if (!facet.read.includes(`projects/${project}`))
    return { items: [], empty: [], none: `the SSL certificates of project ${project} were not read` };
  const covering = facet.certificates.filter(
    (c) => c.project === project && [...c.domains, ...c.subjectAlternativeNames].some((d) => covers(d, domain)),
  );
  return {
    items: [
      {
        source: 'gcp',
        resource: { id: `gcp:certificate/${project}/${domain}`, kind: 'TlsCertificate', name: domain },
        domain,
        project,
        covering,
        listedDomains: facet.certificates.flatMap((c) => c.domains),
      },
    ],
    empty: [],
    none: '',
  };
}

export const TLS_CERTIFICATE_K8S_FACETS = ['k8s.managedcertificates', 'k8s.ingresses'] as const;

export function tlsCertificatesFromCluster(
  facets: {
    'k8s.managedcertificates': FacetMap['k8s.managedcertificates'];
    'k8s.ingresses': FacetMap['k8s.ingresses'];
  },
  exp: Expectations,
): ViewSet<TlsCertificateView> {
  const ns = exp.app.namespace;
  const facet = facets['k8s.managedcertificates'];
  if (!inScope(facet, ns))
    return { items: [], empty: [], none: `namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)` };
  const ingressFacet = facets['k8s.ingresses'];
  const ingresses = itemsOf(ingressFacet).filter((i) => i.namespace === ns);
  const named = (i: (typeof ingresses)[number]) =>
    (annotationsOfLive(i)[MANAGED_CERTIFICATES_ANNOTATION] ?? '').split(',').map((s) => s.trim());
  const certificates = itemsOf(facet)
    .filter((c) => c.namespace === ns)
    .map((cert): ManagedCertificateEntry => {
      const status = statusOf(cert);
      const expireTime = asString(status.expireTime);
      return {
        name: cert.name,
        resource: liveResource(cert),
        domains: asArray(specOf(cert).domains).map((d) => asString(d) ?? ''),
        status: asString(status.certificateStatus) || 'not provisioned',
        domainStatus: asArray(status.domainStatus).map((d) => ({
          domain: asString(asRecord(d)?.domain) ?? '',
          status: asString(asRecord(d)?.status) ?? 'unknown',
        })),
        ...(expireTime !== undefined ? { expireTime } : {}),
        usedBy: ingresses.filter((i) => named(i).includes(cert.name)).map((i) => i.name),
      };
    });
  return {
    items: [
      {
        source: 'k8s',
        resource: { id: `k8s:Domain/${ns}/${exp.domain}`, kind: 'Domain', name: exp.domain, namespace: ns },
        domain: exp.domain,
        namespace: ns,
        certificates,
        ingressesRead: inScope(ingressFacet, ns),
        ingressAnnotations: ingresses
          .map((i) => annotationsOfLive(i)[MANAGED_CERTIFICATES_ANNOTATION] ?? '')
          .filter(Boolean),
      },
    ],
    empty: [],
    none: '',
  };
}

export function tlsCertificatesFromProbe(d: FacetMap['probe.http']): ViewSet<TlsCertificateView> {
  return {
    items: [
      {
        source: 'probe',
        resource: { id: d.baseUrl, kind: 'HttpService', name: d.baseUrl },
        domain: d.host,
        probe: d,
      },
    ],
    empty: [],
    none: 'no HTTP endpoint was probed',
  };
}

/**
 * The sources of the `tls-certificate` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const TLS_CERTIFICATE_SOURCES = {
  gcp: {
    layer: 'gcp',
    facets: ['gcp.compute-ssl'],
    build: (facet, exp) => tlsCertificatesFromGcp(facet('gcp.compute-ssl'), exp),
  },
  k8s: {
    layer: 'k8s',
    facets: TLS_CERTIFICATE_K8S_FACETS,
    build: (facet, exp) =>
      tlsCertificatesFromCluster(
        { 'k8s.managedcertificates': facet('k8s.managedcertificates'), 'k8s.ingresses': facet('k8s.ingresses') },
        exp,
      ),
  },
  probe: {
    layer: 'probe',
    facets: ['probe.http'],
    build: (facet) => tlsCertificatesFromProbe(facet('probe.http')),
  },
} as const satisfies Record<string, ViewSource<TlsCertificateView>>;
