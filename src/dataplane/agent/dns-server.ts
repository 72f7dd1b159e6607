// The cluster DNS (UDP and TCP on the DNS service IP): cluster names from the current configuration, the rest
// relayed to the container's own resolver (Docker's, which knows the host's).
import dgram from 'node:dgram';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { buildQuery, buildReply, parseAnswers, parseQuery, RCODE, TYPE, type DnsQuestion, type DnsRecord } from '../dns-message.js';
import type { DnsIndex } from '../dns-answer.js';

const UPSTREAM_TIMEOUT_MS = 3000;

function upstreamServer(): string {
  try {
    const m = /^nameserver\s+(\S+)/m.exec(readFileSync('/etc/resolv.conf', 'utf8'));
    if (m) return m[1]!;
  } catch {
    /* fall through */
  }
  return '127.0.0.11';
}

/** Sends one UDP query upstream and resolves with the raw reply (undefined on timeout). */
function askUpstream(server: string, query: Buffer): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const done = (b?: Buffer) => {
      clearTimeout(t);
      sock.close();
      resolve(b);
    };
    const t = setTimeout(() => done(), UPSTREAM_TIMEOUT_MS);
    sock.on('message', (m) => done(m));
    sock.on('error', () => done());
    sock.send(query, 53, server);
  });
}

export class DnsServer {
  private udp?: dgram.Socket;
  private tcp?: net.Server;
  private upstream = upstreamServer();

  constructor(private index: () => DnsIndex, private log: (m: string) => void) {}

  async listen(ip: string): Promise<void> {
    this.udp = dgram.createSocket('udp4');
    this.udp.on('message', (msg, rinfo) => {
      void this.handle(msg, 512).then((reply) => reply && this.udp!.send(reply, rinfo.port, rinfo.address));
    });
    this.udp.on('error', (e) => this.log(`dns udp: ${e.message}`));
    await new Promise<void>((res, rej) => {
      this.udp!.once('error', rej);
      this.udp!.bind(53, ip, () => res());
    });
    this.tcp = net.createServer((sock) => {
      let buf = Buffer.alloc(0);
      sock.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
          const msg = buf.subarray(2, 2 + buf.readUInt16BE(0));
          buf = buf.subarray(2 + msg.length);
          void this.handle(Buffer.from(msg), 65535).then((reply) => {
            if (!reply || sock.destroyed) return;
            const len = Buffer.alloc(2);
            len.writeUInt16BE(reply.length);
            sock.write(Buffer.concat([len, reply]));
          });
        }
      });
      sock.on('error', () => sock.destroy());
    });
    await new Promise<void>((res, rej) => {
      this.tcp!.once('error', rej);
      this.tcp!.listen(53, ip, () => res());
    });
  }

  private async handle(msg: Buffer, maxSize: number): Promise<Buffer | undefined> {
    let q: DnsQuestion;
    try {
      q = parseQuery(msg);
    } catch {
      return undefined;
    }
    const d = this.index().decide(q.name, q.type);
    if (d.kind === 'answer') return buildReply(q, { rcode: d.rcode, authoritative: true, answers: d.answers, maxSize });
    if (d.kind === 'cname') {
      const answers: DnsRecord[] = [d.record];
      const local = this.index().decide(d.record.target, q.type);
      if (local.kind === 'answer') {
        // A cluster name: answered here (Docker's resolver upstream does not know cluster.local).
        answers.push(...local.answers);
      } else if (q.type === TYPE.A || q.type === TYPE.AAAA) {
        const up = await askUpstream(this.upstream, buildQuery(q.id, d.record.target, q.type));
        if (up) {
          try {
            answers.push(...parseAnswers(up).answers);
          } catch {
            /* the CNAME alone */
          }
        }
      }
      return buildReply(q, { rcode: RCODE.NOERROR, authoritative: true, answers, maxSize });
    }
    const up = await askUpstream(this.upstream, msg);
    return up ?? buildReply(q, { rcode: RCODE.SERVFAIL, authoritative: false, answers: [], maxSize });
  }

  close(): void {
    this.udp?.close();
    this.tcp?.close();
  }
}
