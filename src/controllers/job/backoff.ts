// The Job controller's pod-failure backoff (pkg/controller/job/backoff_utils.go): failures since
// the last success and when the last one happened decide how long a replacement waits —
// 10 s, doubling per further failure, at most 6 minutes. Kept in memory, as upstream does.
import type { Pod } from '../../api/types.js';
import { finishedTime } from './pods.js';

export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 6 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/** newBackoffRecord: the record after this sync's newly finished pods. */
export function nextBackoffRecord(old: BackoffRecord | undefined, newSucceeded: Pod[], newFailed: Pod[], now: number): BackoffRecord {
  const rec: BackoffRecord = { failuresAfterLastSuccess: old?.failuresAfterLastSuccess ?? 0, lastFailureTime: old?.lastFailureTime };
  const failedTimes = newFailed.map((p) => finishedTime(p, now)).sort((a, b) => a - b);
  if (!newSucceeded.length) {
    if (!failedTimes.length) return rec;
    return { failuresAfterLastSuccess: rec.failuresAfterLastSuccess + failedTimes.length, lastFailureTime: failedTimes[failedTimes.length - 1] };
  }
  const lastSuccess = Math.max(...newSucceeded.map((p) => finishedTime(p, now)));
  const out: BackoffRecord = { failuresAfterLastSuccess: 0 };
  for (let i = failedTimes.length - 1; i >= 0; i--) {
    if (failedTimes[i]! <= lastSuccess) break;
    if (out.lastFailureTime === undefined) out.lastFailureTime = failedTimes[i];
    out.failuresAfterLastSuccess++;
  }
  return out;
}

/** getRemainingTime: how long before a new pod may be created (0: now). */
export function remainingBackoff(rec: BackoffRecord, now: number, base = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS, max = MAX_JOB_POD_FAILURE_BACKOFF_MS): number {
  if (rec.failuresAfterLastSuccess === 0 || rec.lastFailureTime === undefined) return 0;
  let d = base;
  for (let i = 1; i < rec.failuresAfterLastSuccess; i++) {
    d *= 2;
    if (d > max) {
      d = max;
      break;
    }
  }
  const elapsed = now - rec.lastFailureTime;
  return d < elapsed ? 0 : d - elapsed;
}
