import { describe, it, expect } from 'vitest';
import { buildQuery, buildReply, parseAnswers, parseQuery, readName, encodeName, RCODE, TYPE } from '../../../src/dataplane/dns-message.js';
import { DnsIndex } from '../../../src/dataplane/dns-answer.js';
import type { ServiceConfig } from '../../../src/dataplane/protocol.js';

const svc = (o: Partial<ServiceConfig> & { name: string }): ServiceConfig => ({ namespace: 'default', ports: [], addresses: [], hostnames: {}, ...o });

describe('dns wire format', () => {
  it('reads a query and answers it with records that parse back', () => {
    const q = parseQuery(buildQuery(0x1234, 'Vote-Service.default.svc.cluster.local', TYPE.A));
    expect(q).toMatchObject({ id: 0x1234, rd: true, name: 'vote-service.default.svc.cluster.local', type: TYPE.A, qclass: 1 });
    const reply = buildReply(q, {
      rcode: RCODE.NOERROR,
      authoritative: true,
      answers: [
        { name: q.name, type: TYPE.CNAME, ttl: 5, target: 'web.default.svc.cluster.local' },
        { name: 'web.default.svc.cluster.local', type: TYPE.A, ttl: 5, ip: '10.96.0.20' },
      ],
    });
    expect(reply.readUInt16BE(0)).toBe(0x1234);
    expect(reply.readUInt16BE(2) & 0x8000).toBe(0x8000); // a response
    expect(reply.readUInt16BE(2) & 0x0400).toBe(0x0400); // authoritative
    expect(parseAnswers(reply)).toEqual({
      rcode: 0,
      answers: [
        { name: 'vote-service.default.svc.cluster.local', type: TYPE.CNAME, ttl: 5, target: 'web.default.svc.cluster.local' },
        { name: 'web.default.svc.cluster.local', type: TYPE.A, ttl: 5, ip: '10.96.0.20' },
      ],
    });
  });

  it('follows compression pointers and rejects loops and truncation', () => {
    const msg = Buffer.concat([Buffer.alloc(12), encodeName('a.example'), Buffer.from([1, 0x62, 0xc0, 12])]);
    expect(readName(msg, 12 + 11).name).toBe('b.a.example');
    const loop = Buffer.concat([Buffer.alloc(12), Buffer.from([0xc0, 12])]);
    expect(() => readName(loop, 12)).toThrow(/loop/);
    expect(() => parseQuery(Buffer.alloc(5))).toThrow();
  });

  it('truncates a UDP reply that does not fit', () => {
    const q = parseQuery(buildQuery(1, 'many.default.svc.cluster.local', TYPE.A));
    const answers = Array.from({ length: 60 }, (_, i) => ({ name: q.name, type: TYPE.A, ttl: 5, ip: `10.0.0.${i}` }) as const);
    const udp = buildReply(q, { rcode: 0, authoritative: true, answers });
    expect(udp.readUInt16BE(2) & 0x0200).toBe(0x0200);
    expect(udp.readUInt16BE(6)).toBe(0);
    expect(buildReply(q, { rcode: 0, authoritative: true, answers, maxSize: 65535 }).readUInt16BE(6)).toBe(60);
  });
});

describe('cluster DNS answers', () => {
  const index = new DnsIndex({
    domain: 'cluster.local',
    services: [
      svc({ name: 'vote', clusterIP: '10.96.3.4', ports: [{ name: 'http', port: 80, protocol: 'TCP', backends: [] }] }),
      svc({ name: 'db', namespace: 'data', clusterIP: 'None', addresses: ['172.18.0.5', '172.18.0.6'], hostnames: { 'db-0': '172.18.0.5' } }),
      svc({ name: 'empty', clusterIP: 'None' }),
      svc({ name: 'ext', externalName: 'db.example.com' }),
    ],
  });
  const a = (name: string, type: number = TYPE.A) => index.decide(name, type);

  it('answers a service name with its ClusterIP, case-insensitively', () => {
    expect(a('vote.default.svc.cluster.local')).toEqual({ kind: 'answer', rcode: 0, answers: [{ name: 'vote.default.svc.cluster.local', type: TYPE.A, ttl: 5, ip: '10.96.3.4' }] });
    expect(a('VOTE.Default.svc.cluster.local.')).toMatchObject({ rcode: 0, answers: [{ ip: '10.96.3.4' }] });
    expect(a('vote.default.svc.cluster.local', TYPE.AAAA)).toEqual({ kind: 'answer', rcode: 0, answers: [] });
  });

  it('answers headless services with the ready pods and their hostnames; none ready is NXDOMAIN', () => {
    expect(a('db.data.svc.cluster.local')).toMatchObject({ rcode: 0, answers: [{ ip: '172.18.0.5' }, { ip: '172.18.0.6' }] });
    expect(a('db-0.db.data.svc.cluster.local')).toMatchObject({ rcode: 0, answers: [{ ip: '172.18.0.5' }] });
    expect(a('db-9.db.data.svc.cluster.local')).toMatchObject({ rcode: RCODE.NXDOMAIN });
    expect(a('empty.default.svc.cluster.local')).toMatchObject({ rcode: RCODE.NXDOMAIN });
  });

  it('answers SRV for named ports, pod names, CNAME for ExternalName', () => {
    expect(a('_http._tcp.vote.default.svc.cluster.local', TYPE.SRV)).toMatchObject({ rcode: 0, answers: [{ type: TYPE.SRV, port: 80, target: 'vote.default.svc.cluster.local' }] });
    expect(a('10-1-2-3.default.pod.cluster.local')).toMatchObject({ rcode: 0, answers: [{ ip: '10.1.2.3' }] });
    expect(a('ext.default.svc.cluster.local')).toEqual({ kind: 'cname', record: { name: 'ext.default.svc.cluster.local', type: TYPE.CNAME, ttl: 5, target: 'db.example.com' } });
  });

  it('says NXDOMAIN for the rest of the zone (search-path tries) and forwards other names', () => {
    expect(a('vote.default.default.svc.cluster.local')).toMatchObject({ rcode: RCODE.NXDOMAIN });
    expect(a('vote.cluster.local')).toMatchObject({ rcode: RCODE.NXDOMAIN });
    expect(a('vote.other.svc.cluster.local')).toMatchObject({ rcode: RCODE.NXDOMAIN });
    expect(a('default.svc.cluster.local')).toMatchObject({ rcode: 0, answers: [] });
    expect(a('registry-1.docker.io')).toEqual({ kind: 'forward' });
    expect(a('cluster.local.example.com')).toEqual({ kind: 'forward' });
  });
});
