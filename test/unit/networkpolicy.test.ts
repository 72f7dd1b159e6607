import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { formatFieldError } from '../../src/api/field-errors.js';
import { defaultNetworkPolicy, networkPolicyWarnings, validateNetworkPolicy } from '../../src/api/validation-networking.js';
import { describeNetworkPolicy } from '../../src/printers/describe-networking.js';
import { NETWORKPOLICY_PRINTER } from '../../src/printers/columns-networking.js';
import { kindNamed } from '../../src/kinds/index.js';

const np = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'default', creationTimestamp: '2026-12-02T14:05:15Z' }, spec });
const msgs = (o: KObject) => validateNetworkPolicy(o).map(formatFieldError);

describe('NetworkPolicy validation', () => {
  it('checks peers, ports and ipBlocks with the API server messages', () => {
    expect(
      msgs(
        np({
          podSelector: {},
          ingress: [
            {
              from: [{}, { ipBlock: { cidr: '10.0.0.0/8', except: ['11.0.0.0/16', '10.0.0.0/8'] }, podSelector: {} }, { ipBlock: { cidr: 'nope' } }],
              ports: [{ port: 80, endPort: 79 }, { port: 'http', endPort: 90 }, { endPort: 9 }, { protocol: 'ICMP' }],
            },
          ],
          policyTypes: ['Ingress', 'Sideways'],
        }),
      ),
    ).toEqual([
      'spec.ingress[0].ports[0].endPort: Invalid value: 79: must be greater than or equal to `port`',
      'spec.ingress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is non-numeric',
      'spec.ingress[0].ports[2].endPort: Invalid value: 9: may not be specified when `port` is not specified',
      'spec.ingress[0].ports[3].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
      'spec.ingress[0].from[0]: Required value: must specify a peer',
      'spec.ingress[0].from[1].ipBlock.except[0]: Invalid value: "11.0.0.0/16": must be a strict subset of `cidr`',
      'spec.ingress[0].from[1].ipBlock.except[1]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`',
      'spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer',
      'spec.ingress[0].from[2].ipBlock.cidr: Invalid value: "nope": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      'spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"',
    ]);
  });
  it('defaults policyTypes and protocols as the API server does', () => {
    const o = np({ podSelector: {}, egress: [{ ports: [{ port: 53 }] }] });
    defaultNetworkPolicy(o);
    expect((o.spec as Record<string, any>).policyTypes).toEqual(['Ingress', 'Egress']);
    expect((o.spec as Record<string, any>).egress[0].ports[0].protocol).toBe('TCP');
  });
  it('warns that it is not enforced only when the data plane is off', () => {
    expect(kindNamed('NetworkPolicy')!.warnings!(np({}))).toEqual(process.env.KBX_DATAPLANE === 'off' ? [expect.stringMatching(/^NetworkPolicy is not enforced/)] : []);
    expect(networkPolicyWarnings({ KBX_DATAPLANE: 'off' })[0]).toMatch(/^NetworkPolicy is not enforced by kbx: the data plane is off/);
    expect(networkPolicyWarnings({})).toEqual([]);
  });
});

describe('NetworkPolicy printing', () => {
  it('prints POD-SELECTOR and describes as kubectl', () => {
    const o = np({ podSelector: {}, policyTypes: ['Ingress'] });
    expect(NETWORKPOLICY_PRINTER.row(o, Date.parse('2026-12-02T14:06:15Z')).cells).toEqual(['p', '<none>', '60s']);
    expect(describeNetworkPolicy(o, [], { now: 0 })).toBe(
      [
        'Name:         p',
        'Namespace:    default',
        'Created on:   2026-12-02 14:05:15 +0000 UTC',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)',
        '  Allowing ingress traffic:',
        '    <none> (Selected pods are isolated for ingress connectivity)',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
        '',
      ].join('\n'),
    );
  });
});
