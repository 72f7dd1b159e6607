// An exec's hijacked connection as kbx's ExecSession: the socket carries stdin one way and the (framed, unless TTY)
// output the other; the exit code is asked for once the output has ended.
import { PassThrough, type Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { ExecSession } from '../runtime.js';
import { demux } from './demux.js';

/** How long to keep asking for the exit code after the output ended (the engine records it a moment later). */
const EXIT_CODE_DEADLINE_MS = 10_000;

export function readExecOutput(socket: Duplex, exec: Docker.Exec, withStdin: boolean, tty: boolean): ExecSession {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let closedByUs = false;
  let outputDone!: () => void;
  const ended = new Promise<void>((r) => (outputDone = r));
  const finish = (err?: Error) => {
    outputDone();
    // An exec we dropped ourselves ends quietly; a connection that broke is the reader's error.
    if (err && !closedByUs) {
      stdout.destroy(err);
      stderr.destroy(err);
    } else {
      stdout.end();
      stderr.end();
    }
  };
  if (tty) {
    // A terminal merges stdout and stderr and sends them unframed.
    stderr.end();
    socket.on('data', (chunk: Buffer) => {
      if (!stdout.write(chunk)) {
        socket.pause();
        stdout.once('drain', () => socket.resume());
      }
    });
    let done = false;
    const once = (err?: Error) => {
      if (done) return;
      done = true;
      finish(err);
    };
    socket.on('end', () => once());
    socket.on('error', (e: Error) => once(e));
    socket.on('close', () => once());
  } else {
    demux(socket, { stdout, stderr }, finish);
  }
  return {
    // end() half-closes the socket: the engine then closes the process's stdin (EOF), and output keeps flowing.
    stdin: withStdin ? socket : null,
    stdout,
    stderr,
    resize: async (w: number, h: number) => {
      // Best effort, as in kubectl: the process may have exited, or not be on a terminal.
      await exec.resize({ w, h }).catch(() => undefined);
    },
    wait: async () => {
      await ended;
      const deadline = Date.now() + EXIT_CODE_DEADLINE_MS;
      for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
        const st = await exec.inspect();
        if (!st.Running && st.ExitCode !== null && st.ExitCode !== undefined) return st.ExitCode;
        if (Date.now() > deadline) {
          throw new Error(`exec ${exec.id}: output ended but the engine reports no exit code after ${EXIT_CODE_DEADLINE_MS / 1000}s`);
        }
        await new Promise((r) => setTimeout(r, pause));
      }
    },
    close: () => {
      closedByUs = true;
      socket.destroy();
    },
  };
}
