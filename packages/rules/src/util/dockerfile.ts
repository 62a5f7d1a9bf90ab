import type { Dockerfile } from '@coditect-audit/core';
import { effectiveStageUser, finalStage } from '@coditect-audit/core/views';
import type { ImageRef } from './images.js';

export { effectiveStageUser, finalStage };

/** `root`, `0`, `root:root`, `0:0` (user part only matters). */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]?.trim() ?? '';
  return name === 'root' || name === '0' || name === '';
}

/**
 * Distroless images tagged `nonroot` / `debug-nonroot` (and `<variant>-nonroot`) set `User: 65532`
 * in their image config: published to run as non-root.
 */
export function isNonRootBaseImage(ref: ImageRef | undefined): boolean {
  if (ref?.registry !== 'gcr.io' || !ref.repository.startsWith('distroless/')) return false;
  return ref.tag !== undefined && /(?:^|-)nonroot$/.test(ref.tag);
}

/** Who the image a Dockerfile builds runs as, from its final stage (what `image.runs-as-root` judges from the Dockerfile). */
export type DockerfileUser =
  | { status: 'root'; user?: string; line: number; column: number; text: string }
  | { status: 'nonRoot'; user: string; line: number; column: number; text: string }
  /** `USER ${APP_UID}` with no default, a Windows image, or no stage at all. */
  | { status: 'undecided'; line: number; column: number; text: string };

export function dockerfileUser(df: Dockerfile): DockerfileUser {
  const stage = finalStage(df);
  if (!stage) return { status: 'undecided', line: 1, column: 1, text: 'has no FROM' };
  const user = effectiveStageUser(df, stage);
  if (!user) {
    if (isNonRootBaseImage(stage.imageRef))
      return {
        status: 'nonRoot',
        user: `the user of ${stage.resolvedImage}`,
        line: stage.line,
        column: stage.column,
        text: `sets no USER on ${stage.resolvedImage}, published to run as non-root`,
      };
    return {
      status: 'root',
      line: stage.line,
      column: stage.column,
      text: `sets no USER (FROM ${stage.resolvedImage}), so it runs as root`,
    };
  }
  const value = user.value.trim();
  if (/\$(?:\{?[A-Za-z_])/.test(value))
    return { status: 'undecided', line: user.line, column: user.column, text: `says USER ${value}, a build argument` };
  if (isRootUser(value) || /^0+(?::|$)/.test(value))
    return { status: 'root', user: value, line: user.line, column: user.column, text: `runs as root (USER ${value})` };
  return { status: 'nonRoot', user: value, line: user.line, column: user.column, text: `runs as USER ${value}` };
}
