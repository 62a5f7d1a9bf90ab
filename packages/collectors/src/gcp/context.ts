/**
 * What every service collector works with: the settings, the transport, one call policy, and a builder
 * per facet that keeps what was read apart from what could not be (problems, never silence).
 */
import type { Expectations, Facet, FacetMap, FacetName, LogLevel, Problem } from '@coditect-audit/core';
import type { GcpApiCallId } from './api-calls.js';
import { callWithPolicy, classify, type GcpCallError, type Limiter, paginate, problemOf } from './call.js';
import type { GcpSettings } from './settings.js';
import type { GcpTransport } from './transport.js';

export interface GcpRun {
  settings: GcpSettings;
  expectations: Expectations;
  transport: GcpTransport;
  limiter: Limiter;
  progress(message: string): void;
  /** Diagnostics (`--debug`: retries here, each HTTP exchange in the transport); never a secret. */
  log(level: LogLevel, message: string): void;
  /** API calls started and finished, for the progress line (`14/22 calls`). */
  calls: { started: number; finished: number };
}

/** Runs one API call under the run's concurrency, timeout and retry policy. */
export async function call<T>(run: GcpRun, fn: () => Promise<T>): Promise<T> {
  run.calls.started++;
  try {
    return await callWithPolicy(run.limiter, run.settings, fn, (error, delayMs) =>
      run.log(
        'debug',
        `retrying after ${error.kind}${error.httpStatus ? ` (HTTP ${error.httpStatus})` : ''}, attempt ${error.attempts + 1} in ${Math.round(delayMs)} ms`,
      ),
    );
  } finally {
    run.calls.finished++;
  }
}

/** The facets a service collector produced. */
export type FacetResults = { [K in FacetName]?: Facet<FacetMap[K]> };

/**
 * Collects one facet: each unit of work (a project, a location, an instance) either succeeds or leaves a
 * problem naming the API call and the resource. Nothing read at all and something failed → `error`;
 * otherwise `ok` with the problems beside the data.
 */
export class FacetBuilder {
  readonly problems: Problem[] = [];
  private succeeded = 0;

  /** Runs a unit; on failure records the problem and returns undefined. */
  async unit<T>(api: GcpApiCallId, resource: string, project: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await fn();
      this.succeeded++;
      return value;
    } catch (e) {
      this.fail(api, resource, project, classify(e));
      return undefined;
    }
  }

  fail(api: GcpApiCallId, resource: string, project: string, err: GcpCallError): void {
    const p = problemOf(api, resource, err, project);
    if (!this.problems.some((q) => q.subject === p.subject && q.message === p.message)) this.problems.push(p);
  }

  /** Records problems another facet's failed call left here (a child list needs its parent's list). */
  inherit(problems: Problem[]): void {
    for (const p of problems) if (!this.problems.some((q) => q.subject === p.subject)) this.problems.push(p);
  }

  ok(): void {
    this.succeeded++;
  }

  build<K extends FacetName>(data: FacetMap[K]): Facet<FacetMap[K]> {
    if (this.succeeded === 0 && this.problems.length > 0) return { status: 'error', problems: this.problems };
    return { status: 'ok', data, problems: this.problems };
  }
}

/**
 * Every item of a GAPIC list method called with `autoPaginate: false` (which answers
 * `[items, nextRequest, rawResponse]`), following `nextPageToken` under the run's policy.
 */
export function listAll<T>(
  run: GcpRun,
  invoke: (pageToken: string | undefined) => Promise<readonly [T[], unknown, unknown]>,
): Promise<T[]> {
  return paginate(async (pageToken) => {
    const [items, , raw] = await call(run, () => invoke(pageToken));
    const next = (raw as { nextPageToken?: unknown } | null | undefined)?.nextPageToken;
    return { items: items ?? [], next: typeof next === 'string' ? next : undefined };
  });
}

/** `{ pageToken }` when there is one. */
export const page = (pageToken: string | undefined) => (pageToken ? { pageToken } : {});

/** Call options for GAPIC list methods: one page per call (pagination is ours), no retries of the client's. */
export const ONE_PAGE = { autoPaginate: false, retry: null } as const;
