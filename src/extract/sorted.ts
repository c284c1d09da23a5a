/** Binary searches over sorted arrays, shared by the extractors' position lookups. */

/** Index of the first item whose key is ≥ `at` in an array sorted by key. */
export function lowerBound<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item whose key is > `at` in an array sorted by key. */
export function upperBound<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const identity = (x: number): number => x;

/** How many values of a sorted array are < at. */
export const countBefore = (xs: readonly number[], at: number): number => lowerBound(xs, at, identity);

/** Inserts x into a sorted array, keeping it sorted. */
export function insertSorted(xs: number[], x: number): void {
  xs.splice(lowerBound(xs, x, identity), 0, x);
}
