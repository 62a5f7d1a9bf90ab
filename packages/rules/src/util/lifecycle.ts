/**
 * End-of-life data, kept as data so it can be reviewed and extended: base images by upstream support
 * cycle, and Kubernetes API versions by the release that stopped serving them. Every entry is already
 * past its date (checked 2026-11-26); a cycle is added when its end of life has passed, never before, so
 * verdicts do not depend on the clock.
 */
import type { ImageRef } from './images.js';
import { officialImageName } from './images.js';

export interface EolCycle {
  /** `3.8`, `18`, `18.04`. */
  cycle: string;
  /** When upstream support ended, as precise as upstream states it (`2024-10-07`, `2025-10`). */
  eol: string;
  /** Names the cycle goes by in image tags (`buster`, `hydrogen`). */
  codenames?: string[];
}

export interface EolProduct {
  key: string;
  name: string;
  /** Docker Hub official images whose tag starts with this product's version. */
  images: string[];
  cycles: EolCycle[];
  /** Every version below this one is past end of life, without a date per cycle. */
  olderThan?: { cycle: string; eol: string };
  /**
   * Version parts that name a cycle (`3.12` → 2 for Python, `20` → 1 for Node.js); a tag with fewer parts
   * (`python:3`) names no cycle. `legacy` covers schemes that changed (PostgreSQL 9.6 → 10).
   */
  cycleParts: number;
  legacyCycleParts?: { belowMajor: number; parts: number };
  /** Where the dates come from. */
  source: string;
  /** The replacement to suggest. */
  upgradeTo: string;
}

export const EOL_PRODUCTS: readonly EolProduct[] = [
  {
    key: 'python',
    cycleParts: 2,
    name: 'Python',
    images: ['python'],
    cycles: [
      { cycle: '2.7', eol: '2020-01-01' },
      { cycle: '3.0', eol: '2009-06-27' },
      { cycle: '3.1', eol: '2012-04-09' },
      { cycle: '3.2', eol: '2016-02-20' },
      { cycle: '3.3', eol: '2017-09-29' },
      { cycle: '3.4', eol: '2019-03-18' },
      { cycle: '3.5', eol: '2020-09-30' },
      { cycle: '3.6', eol: '2021-12-23' },
      { cycle: '3.7', eol: '2023-06-27' },
      { cycle: '3.8', eol: '2024-10-07' },
      { cycle: '3.9', eol: '2025-10' },
      { cycle: '3.10', eol: '2026-10' },
    ],
    olderThan: { cycle: '2.7', eol: '2020-01-01 or earlier' },
    source: 'https://devguide.python.org/versions/',
    upgradeTo: 'python:3.12-slim',
  },
  {
    key: 'node',
    cycleParts: 1,
    name: 'Node.js',
    images: ['node'],
    cycles: [
      { cycle: '4', eol: '2018-04-30', codenames: ['argon'] },
      { cycle: '5', eol: '2016-06-30' },
      { cycle: '6', eol: '2019-04-30', codenames: ['boron'] },
      { cycle: '7', eol: '2017-06-30' },
      { cycle: '8', eol: '2019-12-31', codenames: ['carbon'] },
      { cycle: '9', eol: '2018-06-30' },
      { cycle: '10', eol: '2021-04-30', codenames: ['dubnium'] },
      { cycle: '11', eol: '2019-06-01' },
      { cycle: '12', eol: '2022-04-30', codenames: ['erbium'] },
      { cycle: '13', eol: '2020-06-01' },
      { cycle: '14', eol: '2023-04-30', codenames: ['fermium'] },
      { cycle: '15', eol: '2021-06-01' },
      { cycle: '16', eol: '2023-09-11', codenames: ['gallium'] },
      { cycle: '17', eol: '2022-06-01' },
      { cycle: '18', eol: '2025-04-30', codenames: ['hydrogen'] },
      { cycle: '19', eol: '2023-06-01' },
      { cycle: '20', eol: '2026-04-30', codenames: ['iron'] },
      { cycle: '21', eol: '2024-06-01' },
      { cycle: '23', eol: '2025-06-01' },
      { cycle: '25', eol: '2026-06-01' },
    ],
    olderThan: { cycle: '4', eol: '2016-12-31 or earlier' },
    source: 'https://github.com/nodejs/Release',
    upgradeTo: 'node:22-slim (or node:24-slim)',
  },
  {
    key: 'postgres',
    cycleParts: 1,
    legacyCycleParts: { belowMajor: 10, parts: 2 },
    name: 'PostgreSQL',
    images: ['postgres'],
    cycles: [
      { cycle: '9.3', eol: '2018-11-08' },
      { cycle: '9.4', eol: '2020-02-13' },
      { cycle: '9.5', eol: '2021-02-11' },
      { cycle: '9.6', eol: '2021-11-11' },
      { cycle: '10', eol: '2022-11-10' },
      { cycle: '11', eol: '2023-11-09' },
      { cycle: '12', eol: '2024-11-21' },
      { cycle: '13', eol: '2025-11-13' },
      { cycle: '14', eol: '2026-11-12' },
    ],
    olderThan: { cycle: '9.3', eol: '2018-11-08 or earlier' },
    source: 'https://www.postgresql.org/support/versioning/',
    upgradeTo: 'postgres:17 (or Cloud SQL, as ADR-001 Decision 3 chose)',
  },
  {
    key: 'golang',
    cycleParts: 2,
    name: 'Go',
    images: ['golang'],
    // Go supports the two latest releases: each ends when the release after next ships. Later cycles are left out
    // until that release's date is certain.
    cycles: [
      { cycle: '1.15', eol: '2021-08-16' },
      { cycle: '1.16', eol: '2022-03-15' },
      { cycle: '1.17', eol: '2022-08-02' },
      { cycle: '1.18', eol: '2023-02-01' },
      { cycle: '1.19', eol: '2023-09-06' },
      { cycle: '1.20', eol: '2024-02-06' },
      { cycle: '1.21', eol: '2024-08-13' },
      { cycle: '1.22', eol: '2025-02-11' },
      { cycle: '1.23', eol: '2025-08-12' },
      { cycle: '1.24', eol: '2026-02-11' },
    ],
    olderThan: { cycle: '1.15', eol: '2021-08-16 or earlier' },
    source: 'https://go.dev/doc/devel/release#policy',
    upgradeTo: 'golang:1.26 (or the latest release)',
  },
  {
    key: 'redis',
    cycleParts: 2,
    name: 'Redis',
    images: ['redis'],
    // Redis supports the latest release, the previous minor and the previous major; 6.0 left that window
    // when 7.2 shipped. Later cycles are left out until their end is certain.
    cycles: [],
    olderThan: { cycle: '6.2', eol: '2023-08-15 (Redis 7.2 release) or earlier' },
    source: 'https://github.com/redis/redis/blob/unstable/SECURITY.md',
    upgradeTo: 'redis:7.4 (or Memorystore, as ADR-001 Decision 3 chose)',
  },
  {
    key: 'debian',
    cycleParts: 1,
    name: 'Debian',
    images: ['debian'],
    cycles: [
      { cycle: '7', eol: '2018-05-31', codenames: ['wheezy'] },
      { cycle: '8', eol: '2020-06-30', codenames: ['jessie'] },
      { cycle: '9', eol: '2022-06-30', codenames: ['stretch'] },
      { cycle: '10', eol: '2024-06-30', codenames: ['buster'] },
      { cycle: '11', eol: '2026-08-31', codenames: ['bullseye'] },
    ],
    olderThan: { cycle: '7', eol: '2016-02-29 or earlier' },
    source: 'https://wiki.debian.org/LTS (end of Debian LTS)',
    upgradeTo: 'debian:bookworm-slim (or an image variant based on bookworm)',
  },
  {
    key: 'ubuntu',
    cycleParts: 2,
    name: 'Ubuntu',
    images: ['ubuntu'],
    cycles: [
      { cycle: '14.04', eol: '2019-04', codenames: ['trusty'] },
      { cycle: '16.04', eol: '2021-04', codenames: ['xenial'] },
      { cycle: '18.04', eol: '2023-05', codenames: ['bionic'] },
      { cycle: '20.04', eol: '2025-05', codenames: ['focal'] },
      { cycle: '22.10', eol: '2023-07', codenames: ['kinetic'] },
      { cycle: '23.04', eol: '2024-01', codenames: ['lunar'] },
      { cycle: '23.10', eol: '2024-07', codenames: ['mantic'] },
      { cycle: '24.10', eol: '2025-07', codenames: ['oracular'] },
    ],
    olderThan: { cycle: '22.04', eol: '2025-05 or earlier' },
    source: 'https://ubuntu.com/about/release-cycle (end of standard support)',
    upgradeTo: 'ubuntu:24.04',
  },
  {
    key: 'alpine',
    cycleParts: 2,
    name: 'Alpine Linux',
    images: ['alpine'],
    cycles: [
      { cycle: '3.10', eol: '2021-05-01' },
      { cycle: '3.11', eol: '2021-11-01' },
      { cycle: '3.12', eol: '2022-05-01' },
      { cycle: '3.13', eol: '2022-11-01' },
      { cycle: '3.14', eol: '2023-05-01' },
      { cycle: '3.15', eol: '2023-11-01' },
      { cycle: '3.16', eol: '2024-05-23' },
      { cycle: '3.17', eol: '2024-11-22' },
      { cycle: '3.18', eol: '2025-05-09' },
      { cycle: '3.19', eol: '2025-11-01' },
      { cycle: '3.20', eol: '2026-04-01' },
      { cycle: '3.21', eol: '2026-11-01' },
    ],
    olderThan: { cycle: '3.10', eol: '2021-05-01 or earlier' },
    source: 'https://alpinelinux.org/releases/',
    upgradeTo: 'alpine:3.22 (or an image variant based on it)',
  },
];

/** Distributions whose release shows in other official images' tags (`python:3.12-slim-buster`, `node:20-alpine3.17`). */
const DISTRO_KEYS = ['debian', 'ubuntu', 'alpine'] as const;

export interface VersionFinding {
  product: EolProduct;
  /** The version as the tag names it (`3.8`, `buster`, `3.17`). */
  version: string;
  /** End of life, or undefined when the version is supported. */
  eol?: string;
}

export interface BaseImageVersions {
  /** Official image name (`python`), when it is one. */
  image?: string;
  /** The end-of-life table covers this image itself (not only a distribution in its tag). */
  tracked: boolean;
  /** Every product version the tag names, each with its end of life when past. */
  findings: VersionFinding[];
}

function parseVersion(v: string): number[] {
  return v.split('.').map((p) => Number.parseInt(p, 10));
}

/** Whether `version` (`3.8.10`) belongs to `cycle` (`3.8`). */
function inCycle(version: number[], cycle: number[]): boolean {
  return version.length >= cycle.length && cycle.every((c, i) => version[i] === c);
}

/** Whether `version` is below `bound`; a major alone (`3`) is below only when its major is. */
function below(version: number[], bound: number[]): boolean {
  for (let i = 0; i < bound.length; i++) {
    const v = version[i];
    const b = bound[i] as number;
    if (v === undefined) return false;
    if (v !== b) return v < b;
  }
  return false;
}

/** End of life of a version: a date when past, `supported`, or `unknown` when the tag names no cycle. */
function eolOfVersion(product: EolProduct, version: string): string | 'supported' | 'unknown' {
  const parts = parseVersion(version);
  for (const c of product.cycles) if (inCycle(parts, parseVersion(c.cycle))) return c.eol;
  if (product.olderThan && below(parts, parseVersion(product.olderThan.cycle))) return product.olderThan.eol;
  const legacy = product.legacyCycleParts;
  const needed = legacy && (parts[0] ?? 0) < legacy.belowMajor ? legacy.parts : product.cycleParts;
  return parts.length < needed ? 'unknown' : 'supported';
}

function eolOfCodename(product: EolProduct, codename: string): string | undefined {
  return product.cycles.find((c) => c.codenames?.includes(codename))?.eol;
}

function isKnownCodename(product: EolProduct, codename: string): boolean {
  return (
    product.cycles.some((c) => c.codenames?.includes(codename)) ||
    SUPPORTED_CODENAMES[product.key]?.includes(codename) === true
  );
}

/** Release names still supported, so a tag naming them counts as naming a version. */
const SUPPORTED_CODENAMES: Readonly<Record<string, readonly string[]>> = {
  debian: ['bookworm', 'trixie', 'forky'],
  ubuntu: ['jammy', 'noble', 'plucky', 'questing'],
  node: ['jod', 'krypton'],
};

/**
 * What the tag of an official base image says about versions: its own version (`python:3.8`) and the
 * distribution it is built on (`-buster`, `-alpine3.17`). Non-official images yield nothing: their tags
 * follow no shared convention.
 */
export function baseImageVersions(ref: ImageRef): BaseImageVersions {
  const distroless = distrolessDebian(ref);
  if (distroless) return distroless;
  const image = officialImageName(ref);
  if (!image) return { tracked: false, findings: [] };
  const tag = (ref.tag ?? '').toLowerCase();
  const findings: VersionFinding[] = [];
  const own = EOL_PRODUCTS.find((p) => p.images.includes(image));
  const tokens = tag.split('-').filter(Boolean);
  if (own) {
    const lead = /^v?(\d+(?:\.\d+)*)/.exec(tag)?.[1];
    if (lead) {
      const eol = eolOfVersion(own, lead);
      if (eol !== 'unknown') findings.push(finding(own, lead, eol === 'supported' ? undefined : eol));
    } else {
      const codename = tokens.find((t) => isKnownCodename(own, t));
      if (codename) findings.push(finding(own, codename, eolOfCodename(own, codename)));
    }
  }
  for (const key of DISTRO_KEYS) {
    if (own?.key === key) continue;
    const distro = EOL_PRODUCTS.find((p) => p.key === key) as EolProduct;
    for (const t of tokens) {
      if (key === 'alpine') {
        const v = /^alpine(\d+\.\d+)$/.exec(t)?.[1];
        const eol = v ? eolOfVersion(distro, v) : 'unknown';
        if (v && eol !== 'unknown') findings.push(finding(distro, v, eol === 'supported' ? undefined : eol));
      } else if (isKnownCodename(distro, t)) findings.push(finding(distro, t, eolOfCodename(distro, t)));
    }
  }
  return { image, tracked: own !== undefined, findings };
}

/** Google's distroless images name their Debian release in the repository: `gcr.io/distroless/base-debian11`. */
const DISTROLESS_DEBIAN = /^distroless\/[\w.-]+-debian(\d+)$/;

/** A distroless image's Debian release, judged as Debian's; undefined for any other image. */
function distrolessDebian(ref: ImageRef): BaseImageVersions | undefined {
  if ((ref.canonical?.registry ?? ref.registry) !== 'gcr.io') return undefined;
  const release = DISTROLESS_DEBIAN.exec(ref.canonical?.repository ?? ref.repository)?.[1];
  if (!release) return undefined;
  const debian = EOL_PRODUCTS.find((p) => p.key === 'debian') as EolProduct;
  const eol = eolOfVersion(debian, release);
  return {
    image: `gcr.io/${ref.repository}`,
    tracked: true,
    findings: eol === 'unknown' ? [] : [finding(debian, release, eol === 'supported' ? undefined : eol)],
  };
}

function finding(product: EolProduct, version: string, eol: string | undefined): VersionFinding {
  return { product, version, ...(eol ? { eol } : {}) };
}

// ---------------------------------------------------------------- Kubernetes API versions

export interface RemovedApi {
  apiVersion: string;
  /** Kinds this entry covers; `*` for a group version that was removed as a whole. */
  kinds: readonly string[] | '*';
  /** The Kubernetes minor release that stopped serving it. */
  removedIn: string;
  /** The API version to use instead, or a sentence when there is no direct replacement. */
  replacement: string;
}

/** From the Kubernetes Deprecated API Migration Guide (https://kubernetes.io/docs/reference/using-api/deprecation-guide/). */
export const REMOVED_APIS: readonly RemovedApi[] = [
  // v1.16
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    removedIn: '1.16',
    replacement: 'apps/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['NetworkPolicy'],
    removedIn: '1.16',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['PodSecurityPolicy'],
    removedIn: '1.16',
    replacement: 'Pod Security Admission (PodSecurityPolicy itself was removed in 1.25)',
  },
  { apiVersion: 'apps/v1beta1', kinds: '*', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: '*', removedIn: '1.16', replacement: 'apps/v1' },
  // v1.22
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: '*', removedIn: '1.22', replacement: 'the GA API group of the kind' },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress', 'IngressClass'],
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    removedIn: '1.22',
    replacement: 'admissionregistration.k8s.io/v1',
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kinds: ['CustomResourceDefinition'],
    removedIn: '1.22',
    replacement: 'apiextensions.k8s.io/v1',
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1',
    kinds: ['APIService'],
    removedIn: '1.22',
    replacement: 'apiregistration.k8s.io/v1',
  },
  {
    apiVersion: 'authentication.k8s.io/v1beta1',
    kinds: ['TokenReview'],
    removedIn: '1.22',
    replacement: 'authentication.k8s.io/v1',
  },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'],
    removedIn: '1.22',
    replacement: 'authorization.k8s.io/v1',
  },
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    kinds: ['CertificateSigningRequest'],
    removedIn: '1.22',
    replacement: 'certificates.k8s.io/v1',
  },
  {
    apiVersion: 'coordination.k8s.io/v1beta1',
    kinds: ['Lease'],
    removedIn: '1.22',
    replacement: 'coordination.k8s.io/v1',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    removedIn: '1.22',
    replacement: 'rbac.authorization.k8s.io/v1',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kinds: ['PriorityClass'],
    removedIn: '1.22',
    replacement: 'scheduling.k8s.io/v1',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    removedIn: '1.22',
    replacement: 'storage.k8s.io/v1',
  },
  // v1.25
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', replacement: 'batch/v1' },
  {
    apiVersion: 'discovery.k8s.io/v1beta1',
    kinds: ['EndpointSlice'],
    removedIn: '1.25',
    replacement: 'discovery.k8s.io/v1',
  },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removedIn: '1.25', replacement: 'events.k8s.io/v1' },
  {
    apiVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    removedIn: '1.25',
    replacement: 'autoscaling/v2',
  },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], removedIn: '1.25', replacement: 'policy/v1' },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy'],
    removedIn: '1.25',
    replacement: 'Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce)',
  },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removedIn: '1.25', replacement: 'node.k8s.io/v1' },
  // v1.26
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    removedIn: '1.26',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
  {
    apiVersion: 'autoscaling/v2beta2',
    kinds: ['HorizontalPodAutoscaler'],
    removedIn: '1.26',
    replacement: 'autoscaling/v2',
  },
  // v1.27
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIStorageCapacity'],
    removedIn: '1.27',
    replacement: 'storage.k8s.io/v1',
  },
  // v1.29
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    removedIn: '1.29',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
  // v1.32
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    removedIn: '1.32',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
];

/** The removal that applies to an object: an entry naming its kind first, else a whole-group-version entry. */
export function removedApiFor(apiVersion: string, kind: string): RemovedApi | undefined {
  const entries = REMOVED_APIS.filter((e) => e.apiVersion === apiVersion);
  return entries.find((e) => e.kinds !== '*' && e.kinds.includes(kind)) ?? entries.find((e) => e.kinds === '*');
}
