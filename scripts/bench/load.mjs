// A tiny HTTP load generator (no dependencies): node load.mjs URL REQUESTS CONCURRENCY → one JSON line.
// A new connection per request, as busybox httpd (the test image) closes each one anyway.
// node load.mjs --watch URL SECONDS → a JSON line per first answer of each distinct body's last word.
import http from 'node:http';

const [mode] = process.argv.slice(2);
const get = (url) =>
  new Promise((resolve) => {
    const t = performance.now();
    const req = http.get(url, { agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ ok: res.statusCode === 200, ms: performance.now() - t, body }));
    });
    req.on('error', () => resolve({ ok: false, ms: performance.now() - t, body: '' }));
    req.on('timeout', () => req.destroy());
  });

if (mode === '--watch') {
  const [, url, seconds] = process.argv.slice(2);
  const seen = new Set();
  const end = Date.now() + Number(seconds) * 1000;
  while (Date.now() < end) {
    const r = await get(url);
    const who = r.body.trim().split(/\s+/).pop();
    if (r.ok && !seen.has(who)) {
      seen.add(who);
      process.stdout.write(JSON.stringify({ pod: who, at: Date.now() }) + '\n');
    }
  }
} else {
  const [url, total, conc] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const lat = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (next < total) {
        next++;
        const r = await get(url);
        if (r.ok) lat.push(r.ms);
        else errors++;
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  process.stdout.write(JSON.stringify({ rps: lat.length / secs, p50: q(0.5), p99: q(0.99), errors }) + '\n');
}
