/**
 * Small builders for the case tables of rules that read GitHub workflows: the file around a job's steps.
 */

/**
 * `.github/workflows/release.yml` text: a workflow run on every push to main whose first job, `image` on
 * `ubuntu-latest`, has the steps `body` begins with (YAML list items indented by six spaces); `body` may go on
 * with more jobs (indented by two).
 */
export function releaseWorkflow(body: string): string {
  return `name: release
on:
  push:
    branches: [main]
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
${body}`;
}
