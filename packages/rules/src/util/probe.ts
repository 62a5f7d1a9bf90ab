/**
 * What the probe-layer rules share: resources for the probed services and images, where an image is used,
 * and how a Linux user string is read.
 */
import type { HttpProbe, Resource } from '@coditect-audit/core';
import {
  postgresServerResource as postgresServerResourceOfView,
  postgresRoleResource as postgresRoleResourceOfView,
  redisServerResource,
} from '@coditect-audit/core/views';

/** The app's database role (the identity lives with the database user view). */
export const postgresRoleResource = postgresRoleResourceOfView;

/** The database server; findings point at the Cloud SQL instance's `.tf` block, when there is one. */
/** The probed PostgreSQL server as a verdict resource (the identity lives with the Cloud SQL view). */
export const postgresServerResource = postgresServerResourceOfView;

/** The probed Redis server as a verdict resource (the identity lives with the Memorystore view). */
export const redisResource = redisServerResource;

export function httpResource(d: HttpProbe, path = ''): Resource {
  return { id: `${d.baseUrl}${path}`, kind: path ? 'HttpEndpoint' : 'HttpService', name: `${d.baseUrl}${path}` };
}

/** An image as the workloads run it, and who uses it in words (shared with the image view). */
export { describeUse, imageTarget } from '@coditect-audit/core/views';

/**
 * An image config `User` that means root: empty (the default), `root`, UID `0`, with or without a group.
 */
export function isRootImageUser(user: string): boolean {
  const name = user.trim().split(':')[0] ?? '';
  return name === '' || name === 'root' || name === '0';
}

/** `linux/arm64/v8` → parts; a missing variant matches any variant. */
export function platformMatches(want: string, have: { os: string; architecture: string; variant?: string }): boolean {
  const [os, architecture, variant] = want.split('/');
  return have.os === os && have.architecture === architecture && (!variant || have.variant === variant);
}

export function platformText(p: { os: string; architecture: string; variant?: string }): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
