// The one Node kbx runs pods on: the machine's Docker engine, described as a kubelet would.
import os from 'node:os';
import type { KObject } from '../api/types.js';
import { rfc3339 } from '../util/clock.js';

export interface EngineInfo {
  serverVersion: string;
  os: string;
  ncpu: number;
  memTotal: number;
}

export function nodeObject(name: string, info: EngineInfo, hostIP: string | undefined, now: number): KObject {
  const t = rfc3339(now);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': process.arch === 'x64' ? 'amd64' : process.arch,
        'node-role.kubernetes.io/control-plane': '',
      },
    },
    spec: {},
    status: {
      capacity: { cpu: String(info.ncpu), memory: `${Math.floor(info.memTotal / 1024)}Ki`, pods: '110' },
      allocatable: { cpu: String(info.ncpu), memory: `${Math.floor(info.memTotal / 1024)}Ki`, pods: '110' },
      conditions: [
        { type: 'Ready', status: 'True', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        ...(hostIP ? [{ type: 'InternalIP', address: hostIP }] : []),
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.35.0-kbx',
        containerRuntimeVersion: `docker://${info.serverVersion}`,
        osImage: info.os,
        kernelVersion: os.release(),
        operatingSystem: 'linux',
        architecture: process.arch === 'x64' ? 'amd64' : process.arch,
      },
    },
  };
}
