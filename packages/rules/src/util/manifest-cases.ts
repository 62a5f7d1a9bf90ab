/**
 * Small builders for the case tables of rules that read the repository's Kubernetes manifests.
 */

/**
 * A Deployment manifest `name` with one container, `container` (named the same unless given), whose further
 * fields follow its name (`fields`: YAML lines indented by ten spaces). The container's name is on line 9,
 * column 11; the first field on line 10. A kustomize patch of it is written the same way.
 */
export function deploymentManifest(name: string, fields: string, container = name): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${container}
${fields}`;
}
