import type { DockerStage, Dockerfile } from '@coditect-audit/core';

/** The stage that becomes the image: the last one. */
export function finalStage(df: Dockerfile): DockerStage | undefined {
  return df.stages[df.stages.length - 1];
}

/** The user a stage runs as: its own last USER, else the one inherited through `FROM <stage>`. */
export function effectiveStageUser(df: Dockerfile, stage: DockerStage): DockerStage['user'] {
  let s: DockerStage | undefined = stage;
  const seen = new Set<number>();
  while (s && !seen.has(s.index)) {
    if (s.user) return s.user;
    seen.add(s.index);
    s = s.baseStage !== undefined ? df.stages[s.baseStage] : undefined;
  }
  return undefined;
}

/** `root`, `0`, `root:root`, `0:0` (user part only matters). */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]?.trim() ?? '';
  return name === 'root' || name === '0' || name === '';
}
