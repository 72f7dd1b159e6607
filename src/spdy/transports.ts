// The byte transports a SPDY session runs on. A WebSocket (kubectl's SPDY/3.1+portforward.k8s.io): the session is
// tunnelled in its binary messages, each a slice of the byte stream with no framing of its own. A raw socket.
import type { WebSocket } from 'ws';
import type { SpdySession, Transport } from './session.js';

export interface BindableTransport extends Transport {
  /** Delivers what the connection reads to the session, and its end. */
  bind(s: SpdySession): void;
}

export function wsTransport(ws: WebSocket): BindableTransport {
  return {
    bind(s) {
      ws.on('message', (data: Buffer) => s.receive(data));
      ws.on('close', () => s.transportClosed());
      ws.on('error', (e) => s.transportClosed(e));
    },
    write: (buf, cb) => {
      if (ws.readyState !== ws.OPEN) return cb?.(new Error('connection closed'));
      ws.send(buf, { binary: true }, cb);
    },
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    close: () => ws.close(1000),
  };
}

/** A raw upgraded socket (kubectl's fallback: `Upgrade: SPDY/3.1`). */
export function socketTransport(socket: import('node:stream').Duplex): BindableTransport {
  return {
    bind(s) {
      socket.on('data', (d: Buffer) => s.receive(d));
      socket.on('close', () => s.transportClosed());
      socket.on('error', (e) => s.transportClosed(e));
    },
    write: (buf, cb) => {
      if (socket.destroyed) return cb?.(new Error('connection closed'));
      socket.write(buf, cb);
    },
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: () => socket.end(),
  };
}
