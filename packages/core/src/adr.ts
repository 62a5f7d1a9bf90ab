/**
 * Finds the line of each ADR section a concern refers to ("Decision 4", "Issue 2", "Lesson 1",
 * "Pending: Update Secrets"), so findings that no repository file declares can point at the decision.
 */
export function indexAdrSections(text: string): Record<string, number> {
  const lines = text.split(/\r?\n/);
  const out: Record<string, number> = {};
  let part: 'head' | 'pending' | 'issues' | 'lessons' = 'head';
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (/^Production Readiness Issues/i.test(line)) part = 'issues';
    else if (/^Lessons Learned/i.test(line)) part = 'lessons';
    else if (/Pending Completion/i.test(line)) part = 'pending';
    else if (/^(References|Next Steps)/i.test(line)) part = 'head';
    const decision = /^Decision (\d+):/.exec(line);
    if (decision) out[`Decision ${decision[1]}`] ??= n;
    const numbered = /^(\d+)\.\s+\S/.exec(line);
    if (numbered && part === 'issues') out[`Issue ${numbered[1]}`] ??= n;
    if (numbered && part === 'lessons') out[`Lesson ${numbered[1]}`] ??= n;
    if (part === 'pending') {
      // Items read "- Update Secrets - Add real ..."; the text's line breaks put some mid-line.
      for (const m of line.matchAll(/(?:^|\s)-\s+([A-Z][A-Za-z]*(?: [A-Za-z]+)*?)\s+-\s/g))
        out[`Pending: ${m[1]}`] ??= n;
    }
  });
  return out;
}

/** The line for a concern's section ("Decision 1, Lesson 1" → the first that is found). */
export function adrLineFor(sections: Record<string, number>, adrSection: string): number | undefined {
  for (const part of adrSection.split(',').map((s) => s.trim())) {
    if (sections[part]) return sections[part];
  }
  return undefined;
}
