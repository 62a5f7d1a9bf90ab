/**
 * container.privilege-escalation's message beyond its case table (which matches findings by message id and
 * position): an added NET_BIND_SERVICE, which the Restricted profile allows, is not named among the others.
 */
import { describe, expect, it } from 'vitest';
import privilegeEscalation from '../src/containers/container.privilege-escalation.js';
import { runCase } from './harness.js';

describe('container.privilege-escalation', () => {
  it('names the capabilities added beyond NET_BIND_SERVICE, and shows every one in its evidence', () => {
    const verdicts = runCase(privilegeEscalation, {
      name: 'NET_BIND_SERVICE and NET_RAW',
      files: {
        'proxy.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: proxy
spec:
  containers:
    - name: proxy
      image: proxy:2.0.1
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          add: [NET_BIND_SERVICE, NET_RAW]
`,
      },
    });
    const added = verdicts.filter((v) => v.messageId === 'capabilitiesAdded');
    expect(added.map((v) => v.message)).toEqual(['Container proxy in Pod proxy adds Linux capabilities: NET_RAW.']);
    expect(added[0]?.evidence).toEqual([
      {
        expected: 'no added capabilities but NET_BIND_SERVICE',
        observed: 'NET_BIND_SERVICE, NET_RAW',
        path: '/spec/containers/0/securityContext/capabilities/add',
      },
    ]);
  });
});
