/**
 * The gcp collector's building blocks alone: error classification for both client error shapes,
 * normalisation of GAPIC and REST values, pagination guards, the concurrency limit, and the settings.
 */
import { resolveExpectations } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { callWithPolicy, classify, GcpCallError, Limiter, paginate, problemOf } from '../src/gcp/call.js';
import { bool, duration, enumStr, iamPolicy, int, time } from '../src/gcp/normalize.js';
import { resolveSettings } from '../src/gcp/settings.js';

describe('classify', () => {
  const rest = (status: number, body: object, headers: Record<string, string> = {}) =>
    Object.assign(new Error(JSON.stringify(body)), {
      name: 'GaxiosError',
      status,
      code: status,
      response: { status, headers: new Headers(headers) },
    });

  it('reads REST errors (GaxiosError: HTTP status, JSON body as message)', () => {
    const disabled = classify(
      rest(403, {
        error: {
          code: 403,
          status: 'PERMISSION_DENIED',
          message: 'Cloud SQL Admin API has not been used in project 1 before or it is disabled.',
          details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED' }],
        },
      }),
    );
    expect(disabled).toMatchObject({ kind: 'service-disabled', httpStatus: 403, status: 'PERMISSION_DENIED' });
    expect(classify(rest(403, { error: { code: 403, message: 'denied' } })).kind).toBe('permission-denied');
    expect(classify(rest(404, { error: { code: 404, message: 'nope' } })).kind).toBe('not-found');
    const limited = classify(rest(429, { error: { code: 429, message: 'quota' } }, { 'retry-after': '7' }));
    expect(limited).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7_000 });
    expect(classify(rest(503, { error: { code: 503, message: 'busy' } })).kind).toBe('unavailable');
    expect(classify(rest(504, { error: { code: 504, message: 'DEADLINE_EXCEEDED' } })).kind).toBe('unavailable');
  });

  it('reads gRPC-style GoogleErrors (numeric codes 7, 5, 8, 14, 4)', () => {
    const grpc = (code: number, message: string) => Object.assign(new Error(message), { name: 'GoogleError', code });
    expect(classify(grpc(7, 'PERMISSION_DENIED: denied')).kind).toBe('permission-denied');
    expect(classify(grpc(5, 'NOT_FOUND')).kind).toBe('not-found');
    expect(classify(grpc(8, 'RESOURCE_EXHAUSTED')).kind).toBe('rate-limited');
    expect(classify(grpc(14, 'UNAVAILABLE')).kind).toBe('unavailable');
    expect(classify(grpc(4, 'DEADLINE_EXCEEDED')).kind).toBe('unavailable');
  });

  it('reads aborts, unreadable JSON, network failures and missing credentials', () => {
    const abort = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    expect(classify(abort).kind).toBe('timeout');
    expect(classify(new SyntaxError('Unexpected token } in JSON')).kind).toBe('malformed');
    expect(classify(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).kind).toBe(
      'unavailable',
    );
    expect(classify(new Error('Could not load the default credentials.')).kind).toBe('credentials');
  });

  it('names the API method, the resource, the permission and a role in the problem', () => {
    const p = problemOf(
      'cloudkms.cryptoKeys.getIamPolicy',
      'projects/p/locations/l/keyRings/r/cryptoKeys/k',
      new GcpCallError('permission-denied', 'denied', 403, 'PERMISSION_DENIED'),
      'p',
    );
    expect(p.subject).toBe(
      'cloudkms.googleapis.com cryptoKeys.getIamPolicy projects/p/locations/l/keyRings/r/cryptoKeys/k',
    );
    expect(p.message).toContain('was denied (HTTP 403 PERMISSION_DENIED)');
    expect(p.fix).toContain('cloudkms.cryptoKeys.getIamPolicy');
    expect(p.fix).toContain('roles/iam.securityReviewer');
  });
});

describe('normalise', () => {
  it('unwraps proto wrappers and keeps absent apart from false', () => {
    expect(bool({ value: false })).toBe(false);
    expect(bool(true)).toBe(true);
    expect(bool(null)).toBeUndefined();
    expect(bool(undefined)).toBeUndefined();
  });

  it('turns timestamps and durations of both shapes into RFC 3339 and seconds', () => {
    expect(time({ seconds: '1764558000', nanos: 500_000_000 })).toBe('2025-12-01T03:00:00.500Z');
    expect(time('2024-09-02T07:15:00.000-07:00')).toBe('2024-09-02T14:15:00.000Z');
    expect(time({ seconds: '0', nanos: 0 })).toBeUndefined();
    expect(duration({ seconds: '7776000' })).toBe(7_776_000);
    expect(duration('600s')).toBe(600);
    expect(int('50')).toBe(50);
  });

  it('drops enum zero values and keeps unknown newer ones', () => {
    expect(enumStr('SQL_AVAILABILITY_TYPE_UNSPECIFIED')).toBeUndefined();
    expect(enumStr('UNKNOWN')).toBeUndefined();
    expect(enumStr('POSTGRES_18')).toBe('POSTGRES_18');
    // A value newer than the pinned protos reaches us as the number the client could not name.
    expect(enumStr(99)).toBe('99');
    expect(enumStr(0)).toBeUndefined();
  });

  it('keeps IAM bindings sorted, without etag or version', () => {
    expect(
      iamPolicy({
        version: 3,
        etag: Buffer.from([1, 2]),
        bindings: [
          { role: 'roles/z', members: ['b', 'a'], condition: null },
          { role: 'roles/a', members: ['x'], condition: { expression: 'request.time < x', title: 't' } },
        ],
      }),
    ).toEqual({
      bindings: [
        { role: 'roles/a', members: ['x'], condition: { expression: 'request.time < x', title: 't' } },
        { role: 'roles/z', members: ['a', 'b'] },
      ],
    });
  });
});

describe('pagination and the call policy', () => {
  it('follows page tokens to the end', async () => {
    const pages: Record<string, { items: number[]; next?: string }> = {
      '': { items: [1, 2], next: 'b' },
      b: { items: [3], next: 'c' },
      c: { items: [4] },
    };
    expect(await paginate(async (t) => pages[t ?? '']!)).toEqual([1, 2, 3, 4]);
  });

  it('stops on a token it has seen before', async () => {
    await expect(paginate(async () => ({ items: [1], next: 'same' }))).rejects.toMatchObject({ kind: 'pagination' });
  });

  it('never runs more calls at once than the limit', async () => {
    const limiter = new Limiter(3);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('retries retryable failures with backoff, up to the limit, and not the others', async () => {
    const limiter = new Limiter(2);
    let calls = 0;
    const flaky = () => {
      calls++;
      return calls < 3 ? Promise.reject(new GcpCallError('unavailable', 'busy', 503)) : Promise.resolve('ok');
    };
    expect(await callWithPolicy(limiter, { timeoutMs: 1_000, retries: 4, retryBudgetMs: 10_000 }, flaky)).toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    const denied = () => {
      calls++;
      return Promise.reject(new GcpCallError('permission-denied', 'no', 403));
    };
    await expect(
      callWithPolicy(limiter, { timeoutMs: 1_000, retries: 4, retryBudgetMs: 10_000 }, denied),
    ).rejects.toMatchObject({
      kind: 'permission-denied',
      attempts: 1,
    });
    expect(calls).toBe(1);
  });
});

describe('settings', () => {
  const expectations = resolveExpectations({});
  it('defaults to the expected project and region, plus the KMS and registry locations', () => {
    const s = resolveSettings({}, resolveExpectations({ kms: { location: 'global' } }), {});
    expect(s.projects).toEqual(['coditect-cloud-infra']);
    expect(s.kmsLocations).toEqual(['us-central1', 'global']);
    expect(s.registryLocations).toEqual(['us-central1']);
    expect(s.concurrency).toBe(8);
    expect(s.endpoints).toEqual({});
  });

  it('refuses an endpoint with a path', () => {
    expect(() => resolveSettings({ endpoint: 'http://127.0.0.1:1/v1' }, expectations, {})).toThrow(
      'layers.gcp.endpoint',
    );
  });
});
