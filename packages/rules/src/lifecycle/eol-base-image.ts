import { defineRule, type DockerStage, type Dockerfile } from '@coditect-audit/core';
import { baseImageVersions } from '../util/lifecycle.js';

/**
 * ADR-001 Lesson 1: "maintain technology inventory with EOL dates". The Dockerfile's base images are
 * that inventory's first entries: a base past end of life gets no security fixes.
 */
export default defineRule({
  id: 'eol-base-image',
  title: 'Base image past end of life',
  concerns: ['lifecycle.eol-base-image'],
  layer: 'files',
  facets: ['files.dockerfile'],
  description:
    'Checks the `FROM` image of every Dockerfile stage (after `ARG` expansion; stages built on an earlier stage are covered by that stage) against an end-of-life table kept as data: Python, Node.js, Go, PostgreSQL, Redis, Debian, Ubuntu and Alpine official images, including the distribution named in a tag (`python:3.12-slim-buster`, `node:22-alpine3.17`), and the Debian release of the distroless images of Google (`gcr.io/distroless/base-debian11`). Each product version past its end of life is a finding that states the date. Tags that name no version (`latest`, `lts`, `python:3`) are skipped with that reason; images outside the table are skipped too.',
  rationale:
    'ADR-001 Lesson 1: "Platform Deprecations Require Proactive Monitoring ... maintain technology inventory with EOL dates." GCR\'s shutdown broke the deployment without warning; an end-of-life base image fails more quietly, by no longer receiving security fixes. Build stages count as well as the final one: they compile what the image ships.',
  remediation: {
    text: 'Move the stage to a supported release of the same image (keep the build and runtime stages on the same release), rebuild and push.',
    commands: [
      'FROM python:3.12-slim AS builder',
      'FROM python:3.12-slim',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push .',
    ],
  },
  benchmarks: [],
  messages: {
    endOfLife:
      'Stage {{stage}} is built FROM {{image}}: {{product}} {{version}} reached end of life on {{eol}} and gets no more security fixes. Move to {{upgradeTo}}.',
    supported: 'Stage {{stage}} is built FROM {{image}}: {{product}} {{version}} is supported.',
  },
  check(ctx) {
    for (const df of ctx.facet('files.dockerfile').files) {
      for (const stage of df.stages) {
        if (stage.baseStage !== undefined) continue;
        const image = stage.resolvedImage;
        if (image.toLowerCase() === 'scratch') continue;
        const resource = resourceOf(df, stage);
        const stageName = stage.name ?? String(stage.index);
        const ref = stage.imageRef;
        if (!ref || /\$/.test(image)) {
          ctx.skip(`FROM ${image} is not resolved to an image name`, resource);
          continue;
        }
        const { image: official, tracked, findings } = baseImageVersions(ref);
        if (findings.length === 0) {
          ctx.skip(
            official && tracked
              ? `tag "${ref.tag ?? 'latest'}" of ${image} does not name a version`
              : `no end-of-life data for ${image} (only official Python, Node.js, PostgreSQL, Redis, Debian, Ubuntu and Alpine images, distributions named in official tags, and the Debian release of distroless images)`,
            resource,
          );
          continue;
        }
        const location = { file: df.file, startLine: stage.line, startColumn: stage.column };
        for (const f of findings) {
          const data = { stage: stageName, image, product: f.product.name, version: f.version };
          if (f.eol) {
            ctx.fail({
              resource,
              messageId: 'endOfLife',
              data: { ...data, eol: f.eol, upgradeTo: f.product.upgradeTo },
              location,
              evidence: [
                {
                  path: `stage[${stage.index}].FROM`,
                  observed: image,
                  expected: `a supported ${f.product.name} release (${f.product.source})`,
                },
              ],
              discriminator: f.product.key,
            });
          } else {
            ctx.pass({ resource, messageId: 'supported', data, location, discriminator: f.product.key });
          }
        }
      }
    }
  },
});

function resourceOf(df: Dockerfile, stage: DockerStage) {
  const stageName = stage.name ?? String(stage.index);
  return { id: `${df.file}#stage:${stageName}`, kind: 'DockerfileStage', name: stageName, file: df.file };
}
