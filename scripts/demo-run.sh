#!/usr/bin/env bash
# The demo: applies the samples with kbx and shows what kubectl users expect to see.
set -euo pipefail
cd "$(dirname "$0")/.."
export KBX_HOME="${KBX_HOME:-$HOME/.kbx-demo}"
kbx() { node bin/kbx "$@"; }
# Bold commands on a terminal only; piped output stays plain.
if [ -t 1 ]; then say() { printf '\n\033[1m$ kbx %s\033[0m\n' "$*"; }; else say() { printf '\n$ kbx %s\n' "$*"; }; fi
run() { say "$@"; kbx "$@"; }

run apply -f samples/pods/two-container-pod.yaml
for _ in $(seq 1 60); do
  kbx get pod wp -o jsonpath='{.status.phase}' 2>/dev/null | grep -q Running && break
  sleep 0.5
done
run get pods
run get pods -o wide
sleep 2
run logs wp -c writer --tail=2
run exec wp -c web -- ls -l /data
run describe pod wp
run delete -f samples/pods/two-container-pod.yaml

# A Deployment: rolling update, history, undo.
run create -f samples/deployments/vote-deployment.yaml --record=true
run rollout status deployment/vote-deploy --timeout=120s
run get deploy,rs,pods
run set image deployment/vote-deploy vote=kbx-test/web:2 --record
run rollout status deployment/vote-deploy --timeout=120s
run get rs
run rollout history deployment/vote-deploy
run rollout undo deployment/vote-deploy --to-revision=1
run rollout status deployment/vote-deploy --timeout=120s
run rollout history deployment/vote-deploy
run exec "$(kbx get pods -l app=vote -o jsonpath='{.items[0].metadata.name}')" -- cat /www/index.html

# A Service in front of the replicas: by name from a pod, and as a NodePort from this machine.
run apply -f samples/services/vote-service.yaml -f samples/services/pod-debug.yaml
for _ in $(seq 1 60); do
  kbx get pod debug -o jsonpath='{.status.phase}' 2>/dev/null | grep -q Running && break
  sleep 0.5
done
run get svc,ep
run exec debug -- sh -c 'for i in 1 2 3; do wget -qO- http://vote-service; done'
printf '\n$ curl http://127.0.0.1:31000/\n'
node -e "require('http').get('http://127.0.0.1:31000/', r => r.pipe(process.stdout)).on('error', e => console.log(e.message))"
run delete -f samples/services/vote-service.yaml -f samples/services/pod-debug.yaml --now
run delete deployment vote-deploy
run get all
printf '\nThe demo cluster lives in %s; remove it with: KBX_HOME=%s node bin/kbx cluster reset\n' "$KBX_HOME" "$KBX_HOME"
