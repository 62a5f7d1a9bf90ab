/**
 * The building blocks of the gcp layer's facet schemas, shared by `layers/gcp.ts` and the view modules that
 * declare the facets only they read (`SQL_INSTANCE_FACET_SCHEMAS` in views/sql-instance.ts...). Imports nothing of
 * core but `lazySchema`, so a view module may build its facets from them without a cycle through the layer.
 */
import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from '../lazy-schema.js';

export const Str = lazySchema(() => Type.String());
export const OptStr = lazySchema(() => Type.Optional(Type.String()));
export const OptBool = lazySchema(() => Type.Optional(Type.Boolean()));
export const OptInt = lazySchema(() => Type.Optional(Type.Integer()));
export const Labels = lazySchema(() => Type.Record(Type.String(), Type.String()));
/** Scopes read completely: `projects/P`, `projects/P/locations/L`, or a resource name. */
export const Read = lazySchema(() => Type.Array(Type.String()));

export const GcpIamBindingSchema = lazySchema(() =>
  Type.Object({
    role: Str,
    members: Type.Array(Str),
    condition: Type.Optional(Type.Object({ expression: Str, title: OptStr })),
  }),
);
export const GcpIamPolicySchema = lazySchema(() => Type.Object({ bindings: Type.Array(GcpIamBindingSchema) }));

/** Children of one instance (databases, users, backup runs), keyed by project and instance. */
export const perInstance = <T extends ReturnType<typeof Type.Object>>(field: string, item: T) =>
  Type.Object({
    read: Read,
    instances: Type.Array(Type.Object({ project: Str, instance: Str, [field]: Type.Array(item) })),
  });

/** The IAM policy of one named resource, read directly; `exists: false` when Google answered 404. */
export const PolicyOf = <T extends Record<string, ReturnType<typeof Type.String>>>(ids: T) =>
  Type.Object({ ...ids, exists: Type.Boolean(), policy: Type.Optional(GcpIamPolicySchema) });

/** The type of a `perInstance(field, item)` facet. */
export type PerInstance<F extends string, T> = {
  read: string[];
  instances: ({ project: string; instance: string } & { [P in F]: T[] })[];
};
/** The type of a `PolicyOf(ids)` record. */
export type PolicyRecord<K extends string> = { [P in K]: string } & {
  exists: boolean;
  policy?: Static<typeof GcpIamPolicySchema>;
};
