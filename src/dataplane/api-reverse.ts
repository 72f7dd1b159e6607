// The control plane's end of the API forward (agent/api-forward.ts): one control connection to the agent's
// tunnel, kept open (re-dialled a second after it drops); for each id the agent sends, a connection back
// through the tunnel joined to the API server's HTTPS port on the loopback.
import net from 'node:net';
import { pipeBoth } from './agent/proxy.js';

export type TunnelDial = (target: string, n: number) => Promise<net.Socket>;

const REDIAL_MS = 1000;

export class ApiReverse {
  private control?: net.Socket;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly dial: TunnelDial,
    private readonly apiPort: number,
    private readonly log: (m: string) => void,
  ) {}

  /** Dials the control connection unless one is open. */
  ensure(): void {
    if (this.stopped || this.timer || (this.control && !this.control.destroyed)) return;
    void this.connect();
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.control?.destroy();
  }

  private async connect(): Promise<void> {
    let sock: net.Socket;
    try {
      sock = await this.dial('@reverse', 0);
    } catch (e) {
      this.retry(`api forward: ${(e as Error).message}`);
      return;
    }
    if (this.stopped) return void sock.destroy();
    this.control = sock;
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('data', (d: string) => {
      buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const id = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (id) void this.serve(id);
      }
    });
    const gone = () => {
      if (this.control !== sock) return;
      this.control = undefined;
      this.retry();
    };
    sock.on('close', gone);
    sock.on('error', gone);
    sock.resume();
  }

  private retry(why?: string): void {
    if (this.stopped || this.timer) return;
    if (why) this.log(why);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ensure();
    }, REDIAL_MS);
    this.timer.unref();
  }

  private async serve(id: string): Promise<void> {
    let back: net.Socket;
    try {
      back = await this.dial('@accept', Number(id));
    } catch {
      return; // the pod's connection timed out meanwhile: the agent refused it
    }
    const api = net.connect({ host: '127.0.0.1', port: this.apiPort, allowHalfOpen: true, noDelay: true });
    api.once('connect', () => {
      pipeBoth(back, api);
      back.resume();
    });
    api.once('error', () => back.destroy());
  }
}
