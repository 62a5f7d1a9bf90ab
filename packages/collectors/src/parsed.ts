/**
 * What the collectors parse for the rules, added to the facets once: the simple commands of every shell
 * command (workflow `run:` steps, Dockerfile `RUN` / `CMD` / `ENTRYPOINT`), the parsed image references
 * (Dockerfile stages, manifest and live workload containers, probed images), the connection URLs among
 * readable values (ConfigMap data, literal env values, ExternalSecret templates). Rules only read them.
 *
 * It runs on redacted facets, the last step of every layer's collector: every parsed word is a piece of
 * text the secret detector has already seen whole, in context (`-u admin:pw`, `--password x`). The same
 * step turns a version-1 snapshot (written before the facets carried these) into the current version.
 */
import {
  type ConnectionUrl,
  type DockerInstruction,
  type Dockerfile,
  type ImageProbe,
  type K8sLiveObject,
  type K8sObject,
  type CollectResult,
  plainObjectMaker,
  type ShellCommand,
  SNAPSHOT_SCHEMA_VERSION,
  type Workflow,
} from '@coditect-audit/core';
import { readableConnectionUrl } from './files/secrets.js';
import { commandOf, scriptCommands } from './files/shell.js';
import { containersAt, parsedContainerImages, parseImageReference } from './images.js';
import { type DetectionCache, redactAlone, redactCollected, redactFacet } from './redact.js';

type Json = Record<string, unknown>;

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The facets with their parsed parts (re)computed. Facets that are not `ok` are returned as they are, and so
 * are the `finished` manifest files (given their parts where they were parsed: ./files/parse-pool.ts).
 */
export function withParsedFacets<F extends object>(facets: F, finished?: { has(file: object): boolean }): F {
  const out: Json = {};
  for (const [name, facet] of Object.entries(facets)) out[name] = withParsedFacet(name, facet, finished);
  return out as F;
}

/**
 * A layer's collected result, redacted, then with its parsed parts: every live layer's last step. Facets in
 * `finished` were finished by the collector ({@link finishFacet}, {@link finishItemsFacet}) and are kept.
 */
export function finishCollected(result: CollectResult, finished?: { has(facet: object): boolean }): CollectResult {
  if (!finished) {
    const redacted = redactCollected(result);
    return { ...redacted, facets: withParsedFacets(redacted.facets) };
  }
  const pending: Json = {};
  for (const [name, facet] of Object.entries(result.facets)) if (!finished.has(facet as object)) pending[name] = facet;
  const redacted = redactCollected({ ...result, facets: pending });
  const parsed: Json = withParsedFacets(redacted.facets);
  const facets: Json = {};
  for (const [name, facet] of Object.entries(result.facets))
    facets[name] = finished.has(facet as object) ? facet : parsed[name];
  return { ...redacted, facets: facets as CollectResult['facets'] };
}

/** One facet as {@link finishCollected} finishes it: redacted, then with its parsed parts. */
export function finishFacet(name: string, facet: unknown): unknown {
  return withParsedFacet(name, redactFacet(facet));
}

/**
 * One item of a `k8s.*` facet finished on its own (redacted alone, then its parsed parts), as its list's page
 * arrives; undefined when it taught the redactor a secret, which may mask other items (then
 * {@link finishItemsFacet} finishes the facet whole). `cache`: the detections of the facet's other items.
 */
export function finishedItem(item: unknown, cache?: DetectionCache): unknown {
  const { value, learned } = redactAlone(item, cache);
  return learned ? undefined : withParsedObject(value as K8sLiveObject);
}

/**
 * A `k8s.*` facet whose items were finished one by one ({@link finishedItem}, same order): exactly what
 * {@link finishFacet} makes of it, without walking the items again. Only when neither an item nor the rest of
 * the facet (its problems, namespaces) taught a secret; otherwise the whole facet is finished again.
 */
export function finishItemsFacet(name: string, facet: unknown, finishedItems: readonly unknown[]): unknown {
  if (
    !name.startsWith('k8s.') ||
    !isJson(facet) ||
    facet.status !== 'ok' ||
    !isJson(facet.data) ||
    !Array.isArray(facet.data.items) ||
    facet.data.items.length !== finishedItems.length ||
    finishedItems.includes(undefined)
  )
    return finishFacet(name, facet);
  const { value: shell, learned } = redactAlone({ ...facet, data: { ...facet.data, items: [] } });
  if (learned) return finishFacet(name, facet);
  return { ...shell, data: { ...(shell.data as Json), items: [...finishedItems] } };
}

function withParsedFacet(name: string, facet: unknown, finished?: { has(file: object): boolean }): unknown {
  if (!isJson(facet) || facet.status !== 'ok' || !isJson(facet.data)) return facet;
  const data = facet.data;
  const done = (f: unknown) => finished?.has(f as object) === true;
  if (name === 'files.workflows')
    return { ...facet, data: { ...data, files: arrayOf(data.files).map((f) => (done(f) ? f : parsedWorkflow(f))) } };
  if (name === 'files.dockerfile')
    return {
      ...facet,
      data: {
        ...data,
        files: arrayOf(data.files).map((f) => (done(f) ? f : parsedDockerfile(f))),
        ...(Array.isArray(data.builds) ? { builds: data.builds.map(parsedBuild) } : {}),
      },
    };
  if (name === 'files.kubernetes')
    return {
      ...facet,
      data: {
        ...data,
        files: arrayOf(data.files).map((f) => (done(f) ? f : withParsedManifest(f))),
      },
    };
  if (name === 'probe.registry')
    return { ...facet, data: { ...data, images: arrayOf(data.images).map((i) => parsedProbeImage(i as ImageProbe)) } };
  if (name.startsWith('k8s.') && Array.isArray(data.items))
    return { ...facet, data: { ...data, items: data.items.map((o) => withParsedObject(o as K8sLiveObject)) } };
  return facet;
}

/** One file of a `files.*` facet with its parsed parts, as {@link withParsedFacets} gives it. */
export function withParsedFile(facetName: string, file: unknown): unknown {
  if (facetName === 'files.workflows') return parsedWorkflow(file);
  if (facetName === 'files.dockerfile') return parsedDockerfile(file);
  if (facetName === 'files.kubernetes') return withParsedManifest(file);
  return file;
}

/** A Kubernetes manifest file with the parsed parts of each of its objects. */
export function withParsedManifest(f: unknown): unknown {
  return isJson(f) ? { ...f, objects: arrayOf(f.objects).map((o) => withParsedObject(o as K8sObject)) } : f;
}

function parsedWorkflow(wf: unknown): unknown {
  if (!isJson(wf)) return wf;
  const w = wf as unknown as Workflow;
  return {
    ...w,
    jobs: arrayOf(w.jobs).map((job) =>
      isJson(job)
        ? {
            ...job,
            steps: arrayOf(job.steps).map((step) => {
              if (!isJson(step) || !isJson(step.run)) return step;
              const commands = arrayOf(step.run.commands).map((c) => reparsed(c as ShellCommand));
              return { ...step, run: { ...step.run, commands } };
            }),
          }
        : job,
    ),
  };
}

/** A command's simple commands, parsed from its (redacted) text. */
function reparsed(c: ShellCommand): ShellCommand {
  if (!isJson(c) || typeof c.text !== 'string') return c;
  return commandOf(c.text, arrayOf(c.argv) as string[], c.line);
}

/** An image the repository builds, with its reference parsed (the image → Dockerfile join reads it). */
function parsedBuild(build: unknown): unknown {
  if (!isJson(build) || typeof build.image !== 'string') return build;
  const { imageRef: _old, ...rest } = build;
  const imageRef = parseImageReference(build.image);
  return { ...rest, ...(imageRef ? { imageRef } : {}) };
}

function parsedDockerfile(df: unknown): unknown {
  if (!isJson(df)) return df;
  return {
    ...df,
    stages: arrayOf((df as unknown as Dockerfile).stages).map((stage) => {
      if (!isJson(stage)) return stage;
      const imageRef = typeof stage.resolvedImage === 'string' ? parseImageReference(stage.resolvedImage) : undefined;
      const { imageRef: _old, ...rest } = stage;
      return {
        ...rest,
        ...(imageRef ? { imageRef } : {}),
        instructions: arrayOf(stage.instructions).map((i) => withCommands(i as DockerInstruction)),
      };
    }),
  };
}

const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/**
 * The commands of `RUN`, `CMD` and `ENTRYPOINT`. Exec form (`["a", "b"]`, a JSON array of strings) runs
 * its argv without a shell; shell form is a script (`RUN <<EOF` heredocs: the body is the script).
 */
export function instructionCommands(keyword: string, args: string, line: number): ShellCommand[] | undefined {
  if (!COMMAND_KEYWORDS.has(keyword)) return undefined;
  const text = args.trim();
  if (text.startsWith('[')) {
    try {
      const argv: unknown = JSON.parse(text);
      if (Array.isArray(argv) && argv.every((w) => typeof w === 'string')) {
        const words = argv as string[];
        if (words.length === 0) return [];
        return [
          {
            text: words.join(' '),
            argv: words,
            line,
            simple: [{ argv: words, assignments: {}, after: '', substituted: false, line }],
          },
        ];
      }
    } catch {
      // Not JSON: the builder runs it in a shell, and so is it read.
    }
  }
  const heredoc = /^<<-?[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1[ \t]*\n/.exec(text);
  if (heredoc) {
    const body = text.slice(heredoc[0].length).split('\n');
    const end = body.findIndex((l) => l.trim() === heredoc[2]);
    return scriptCommands((end < 0 ? body : body.slice(0, end)).join('\n'), (i) => line + 1 + i);
  }
  return scriptCommands(text, (i) => line + i);
}

function withCommands(i: DockerInstruction): unknown {
  if (!isJson(i) || typeof i.keyword !== 'string' || typeof i.args !== 'string') return i;
  const { commands: _old, ...rest } = i;
  const commands = instructionCommands(i.keyword, i.args, i.line);
  return commands ? { ...rest, commands } : rest;
}

function withParsedObject<O extends K8sObject | K8sLiveObject>(o: O): O {
  if (!isJson(o) || typeof o.kind !== 'string') return o;
  const images = parsedContainerImages(o.kind, o.object);
  const connectionUrls = connectionUrlsOf(o.kind, typeof o.apiVersion === 'string' ? o.apiVersion : '', o.object);
  const stale = 'images' in o || 'connectionUrls' in o;
  // An object with no parts, before and after, is the same: kept, not copied (a Service, Secret, ConfigMap).
  if (!stale && !images && !connectionUrls) return o;
  const out: Json = stale ? withoutParts(o) : copyOf(o);
  if (images) out.images = images;
  if (connectionUrls) out.connectionUrls = connectionUrls;
  return out as O;
}

/**
 * A plain object's members copied by assignment, in order. Not `{ ...o }`: in V8 a spread copy given further
 * members (the parts) gets a hidden class of its own, a map and descriptors made at run time for each object;
 * assigned copies share one. A `__proto__` member is defined by a spread, never assigned as the prototype.
 */
function copyOf(o: Json): Json {
  if (Object.getPrototypeOf(o) !== Object.prototype || Object.hasOwn(o, '__proto__')) return { ...o };
  const out = newCopy();
  for (const k in o) out[k] = o[k];
  return out;
}
/**
 * A copy, with room for a manifest object's members and the parts (plain-objects.ts): a `{}` keeps members
 * past its fourth in a property array of their own.
 */
const newCopy = plainObjectMaker<Json>(10);

function withoutParts({ images: _images, connectionUrls: _urls, ...rest }: Json): Json {
  return rest;
}

const escapeToken = (token: string) =>
  token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;

/**
 * Connection URLs among the values a workload reads in the clear: ConfigMap `data`, containers' literal
 * `env` values, ExternalSecret template literals. By pointer of the value; undefined when there is none.
 */
function connectionUrlsOf(
  kind: string,
  apiVersion: string,
  object: unknown,
): Record<string, ConnectionUrl> | undefined {
  // Each value is read before its pointer is made: nearly none is a URL (one env list per container).
  const out: Record<string, ConnectionUrl> = {};
  let found = false;
  const entriesAt = (base: string, record: unknown) => {
    if (!isJson(record)) return;
    for (const [k, v] of Object.entries(record)) {
      const url = typeof v === 'string' ? readableConnectionUrl(v) : undefined;
      if (url) {
        out[`${base}/${escapeToken(k)}`] = url;
        found = true;
      }
    }
  };
  if (kind === 'ConfigMap') entriesAt('/data', isJson(object) ? object.data : undefined);
  else if (kind === 'ExternalSecret' && apiVersion.startsWith('external-secrets.io/'))
    entriesAt('/spec/target/template/data', valueAt(object, ['spec', 'target', 'template', 'data']));
  else
    for (const { pointer, container } of containersAt(kind, object)) {
      const env = arrayOf(container.env);
      for (let i = 0; i < env.length; i++) {
        const e = env[i];
        const url = isJson(e) && typeof e.value === 'string' ? readableConnectionUrl(e.value) : undefined;
        if (url) {
          out[`${pointer}/env/${i}/value`] = url;
          found = true;
        }
      }
    }
  return found ? out : undefined;
}

function valueAt(root: unknown, path: string[]): unknown {
  let cur = root;
  for (const key of path) cur = isJson(cur) ? cur[key] : undefined;
  return cur;
}

function parsedProbeImage(image: ImageProbe): unknown {
  if (!isJson(image) || typeof image.reference !== 'string') return image;
  const { ref: _old, ...rest } = image;
  const ref = parseImageReference(image.reference);
  return ref ? { ...rest, ref } : rest;
}

/**
 * A snapshot read from disk, in the current version: a version-1 snapshot gets the parsed parts it predates
 * (facets and fleet targets alike); any other version is returned unchanged for the schema to judge.
 */
export function upgradeSnapshot(value: unknown): unknown {
  if (!isJson(value) || value.schemaVersion !== 1) return value;
  return {
    ...value,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    ...(isJson(value.facets) ? { facets: withParsedFacets(value.facets) } : {}),
    ...(Array.isArray(value.targets)
      ? {
          targets: value.targets.map((t) =>
            isJson(t) && isJson(t.facets) ? { ...t, facets: withParsedFacets(t.facets) } : t,
          ),
        }
      : {}),
  };
}
