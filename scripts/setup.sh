#!/usr/bin/env bash
# Set-up for kbx: a reachable Docker engine, the images the samples and tests use, node modules, a build.
# Idempotent. A Docker engine that already answers is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
as_root() { [ "$(id -u)" = 0 ]; }

# 1. Docker engine ------------------------------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  if as_root && command -v apt-get >/dev/null 2>&1; then
    if ! command -v dockerd >/dev/null 2>&1; then
      say "no Docker engine: installing docker.io and busybox-static with apt-get"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io busybox-static >/dev/null
    fi
    say "starting dockerd in the background (log: /var/log/kbx-dockerd.log)"
    nohup dockerd >/var/log/kbx-dockerd.log 2>&1 &
    for _ in $(seq 1 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    docker info >/dev/null 2>&1 || { say "dockerd did not start; see /var/log/kbx-dockerd.log"; exit 1; }
  else
    cat >&2 <<'MSG'
setup: no Docker engine answers (docker info failed), and this machine cannot install one by itself.
  - Linux: install Docker (e.g. `sudo apt-get install docker.io`), start it (`sudo systemctl start docker`
    or `sudo dockerd &`), and add yourself to the docker group (`sudo usermod -aG docker $USER`, then log in again).
  - macOS / Windows: install and start Docker Desktop.
Then run this command again.
MSG
    exit 1
  fi
fi

# 2. Images: pulled when a registry answers, built locally otherwise -----------------------------
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

if ! have_image busybox:latest; then
  if timeout 60 docker pull -q busybox:latest >/dev/null 2>&1; then
    say "pulled busybox:latest"
  else
    # FROM scratch needs a statically linked busybox (ldd fails on static binaries).
    static_busybox() { [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; }
    if ! static_busybox && as_root && command -v apt-get >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
    fi
    static_busybox || { say "cannot pull busybox:latest and no static /bin/busybox to build it from (install busybox-static)"; exit 1; }
    ctx=$(mktemp -d)
    cp /bin/busybox "$ctx/busybox"
    mkdir -p "$ctx/etc"
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$ctx/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' > "$ctx/etc/group"
    cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN ["/bin/sh", "-c", "mkdir -p /tmp /var/www /root /usr/bin /usr/sbin /sbin && chmod 1777 /tmp"]
COPY etc/ /etc/
CMD ["sh"]
DOCKERFILE
    docker build -q -t busybox:latest "$ctx" >/dev/null
    rm -rf "$ctx"
    say "built busybox:latest from Debian's static busybox"
  fi
fi

# Offline web servers that answer with their version and hostname (an nginx stand-in for the samples).
# The label says which recipe built an image, so a machine that kept an older build gets the new one.
WEB_RECIPE=2
for v in 1 2; do
  if [ "$(docker image inspect -f '{{index .Config.Labels "io.kbx.recipe"}}' "kbx-test/web:$v" 2>/dev/null)" != "$WEB_RECIPE" ]; then
    ctx=$(mktemp -d)
    cat > "$ctx/Dockerfile" <<DOCKERFILE
FROM busybox:latest
LABEL io.kbx.recipe=$WEB_RECIPE
RUN mkdir -p /www
EXPOSE 80
# sh is PID 1 and exits on SIGTERM (httpd as PID 1 would ignore it and wait for the grace period).
CMD ["sh", "-c", "echo \"web v$v \$(hostname)\" > /www/index.html; echo ok > /www/healthz; trap 'exit 0' TERM; httpd -f -v -p 80 -h /www & wait"]
DOCKERFILE
    docker build -q -t "kbx-test/web:$v" "$ctx" >/dev/null
    rm -rf "$ctx"
    say "built kbx-test/web:$v"
  fi
done

# 3. Node modules and build ----------------------------------------------------------------------
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node modules"
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run build --silent
say "ready"
