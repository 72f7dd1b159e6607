// Go's sort.Sort (pdqsort since Go 1.19). Not stable: kubectl's output depends on where it leaves
// equal elements (events with the same lastTimestamp second in every describer), so the algorithm
// is reproduced step for step from its description (insertion sort up to 12 elements, pattern
// breaking with Go's xorshift, heapsort fallback) and the same input order gives the same output.
/** sort.Sort(data) with `less` as data.Less: sorts `data` in place and returns it. */
export function goSort<T>(data: T[], less: (a: T, b: T) => boolean): T[] {
  const n = data.length;
  if (n <= 1) return data;
  const lt = (i: number, j: number) => less(data[i]!, data[j]!);
  const swap = (i: number, j: number) => {
    const t = data[i]!;
    data[i] = data[j]!;
    data[j] = t;
  };
  const bitLen = (x: number) => (x === 0 ? 0 : 32 - Math.clz32(x));
  const insertion = (a: number, b: number) => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && lt(j, j - 1); j--) swap(j, j - 1);
  };
  const siftDown = (lo: number, hi: number, first: number) => {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && lt(first + child, first + child + 1)) child++;
      if (!lt(first + root, first + child)) return;
      swap(first + root, first + child);
      root = child;
    }
  };
  const heap = (a: number, b: number) => {
    const hi = b - a;
    for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(i, hi, a);
    for (let i = hi - 1; i >= 0; i--) {
      swap(a, a + i);
      siftDown(0, i, a);
    }
  };
  const MASK = (1n << 64n) - 1n;
  const breakPatterns = (a: number, b: number) => {
    const length = b - a;
    if (length < 8) return;
    let r = BigInt(length);
    const modulus = 2 ** bitLen(length);
    for (let idx = a + Math.floor(length / 4) * 2 - 1; idx <= a + Math.floor(length / 4) * 2 + 1; idx++) {
      r ^= (r << 13n) & MASK;
      r ^= r >> 7n;
      r ^= (r << 17n) & MASK;
      let other = Number(r & BigInt(modulus - 1));
      if (other >= length) other -= length;
      swap(idx, a + other);
    }
  };
  const median = (a: number, b: number, c: number, swaps: { n: number }): number => {
    const order2 = (x: number, y: number): [number, number] => {
      if (lt(y, x)) {
        swaps.n++;
        return [y, x];
      }
      return [x, y];
    };
    [a, b] = order2(a, b);
    [b, c] = order2(b, c);
    [a, b] = order2(a, b);
    return b;
  };
  // hints: 0 unknown, 1 increasing, 2 decreasing
  const choosePivot = (a: number, b: number): [number, number] => {
    const l = b - a;
    const swaps = { n: 0 };
    let i = a + Math.floor(l / 4);
    let j = a + Math.floor(l / 4) * 2;
    let k = a + Math.floor(l / 4) * 3;
    if (l >= 8) {
      if (l >= 50) {
        i = median(i - 1, i, i + 1, swaps);
        j = median(j - 1, j, j + 1, swaps);
        k = median(k - 1, k, k + 1, swaps);
      }
      j = median(i, j, k, swaps);
    }
    return [j, swaps.n === 0 ? 1 : swaps.n === 12 ? 2 : 0];
  };
  const reverse = (a: number, b: number) => {
    for (let i = a, j = b - 1; i < j; i++, j--) swap(i, j);
  };
  const partialInsertion = (a: number, b: number): boolean => {
    let i = a + 1;
    for (let step = 0; step < 5; step++) {
      while (i < b && !lt(i, i - 1)) i++;
      if (i === b) return true;
      if (b - a < 50) return false;
      swap(i, i - 1);
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!lt(j, j - 1)) break;
          swap(j, j - 1);
        }
      }
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!lt(j, j - 1)) break;
          swap(j, j - 1);
        }
      }
    }
    return false;
  };
  const partitionEqual = (a: number, b: number, pivot: number): number => {
    swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    for (;;) {
      while (i <= j && !lt(a, i)) i++;
      while (i <= j && lt(a, j)) j--;
      if (i > j) break;
      swap(i, j);
      i++;
      j--;
    }
    return i;
  };
  const partition = (a: number, b: number, pivot: number): [number, boolean] => {
    swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    while (i <= j && lt(i, a)) i++;
    while (i <= j && !lt(j, a)) j--;
    if (i > j) {
      swap(j, a);
      return [j, true];
    }
    swap(i, j);
    i++;
    j--;
    for (;;) {
      while (i <= j && lt(i, a)) i++;
      while (i <= j && !lt(j, a)) j--;
      if (i > j) break;
      swap(i, j);
      i++;
      j--;
    }
    swap(j, a);
    return [j, false];
  };
  const pdq = (a: number, b: number, limit: number): void => {
    let wasBalanced = true;
    let wasPartitioned = true;
    for (;;) {
      const length = b - a;
      if (length <= 12) {
        insertion(a, b);
        return;
      }
      if (limit === 0) {
        heap(a, b);
        return;
      }
      if (!wasBalanced) {
        breakPatterns(a, b);
        limit--;
      }
      let [pivot, hint] = choosePivot(a, b);
      if (hint === 2) {
        reverse(a, b);
        pivot = b - 1 - (pivot - a);
        hint = 1;
      }
      if (wasBalanced && wasPartitioned && hint === 1 && partialInsertion(a, b)) return;
      if (a > 0 && !lt(a - 1, pivot)) {
        a = partitionEqual(a, b, pivot);
        continue;
      }
      const [mid, already] = partition(a, b, pivot);
      wasPartitioned = already;
      const leftLen = mid - a;
      const rightLen = b - mid;
      const balanceThreshold = Math.floor(length / 8);
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        pdq(a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        pdq(mid + 1, b, limit);
        b = mid;
      }
    }
  };
  pdq(0, n, bitLen(n));
  return data;
}

