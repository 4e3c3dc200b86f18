/**
 * Exact sums of stored amounts. A design that keeps money in floating point
 * stores values such as 83.33333333333333 or 0.30000000000000004; adding
 * them up in floating point again would round the drift away. Every finite
 * double is an integer multiple of 2^-1074, so scaling each by 2^1074 gives
 * an exact BigInt, and the sum of those is the exact sum. Whole numbers
 * (what a correct design stores) take the plain fast path.
 */
const SCALE_BITS = 1074n;
const view = new DataView(new ArrayBuffer(8));

/** x * 2^1074 as an exact BigInt; x must be finite. */
function scaled(x: number): bigint {
  if (x === 0) return 0n;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let power = -1074;
  if (exponent !== 0) {
    mantissa |= 1n << 52n;
    power = exponent - 1075;
  }
  const v = mantissa << BigInt(power + 1074);
  return bits >> 63n === 1n ? -v : v;
}

/**
 * How far the exact sum of `values` is from `expected` (a whole number):
 * null when they are equal, otherwise the difference rounded to a double
 * (never 0). A value that is not finite makes the difference NaN.
 */
export function exactDifference(values: Iterable<number>, expected: number): number | null {
  let plain = 0;
  let whole = true;
  const all: number[] = [];
  for (const v of values) {
    all.push(v);
    if (!Number.isSafeInteger(v)) whole = false;
    else plain += v;
  }
  if (whole && Number.isSafeInteger(plain)) return plain === expected ? null : plain - expected;
  if (all.some((v) => !Number.isFinite(v))) return Number.NaN;
  let total = -scaled(expected);
  for (const v of all) total += scaled(v);
  if (total === 0n) return null;
  return approximate(total);
}

/** A BigInt scaled by 2^1074 as the nearest double, without overflowing on the way. */
function approximate(total: bigint): number {
  const negative = total < 0n;
  let magnitude = negative ? -total : total;
  let shift = 0n;
  while (magnitude > 1n << 60n) {
    magnitude >>= 1n;
    shift++;
  }
  const value = Number(magnitude) * 2 ** Number(shift - SCALE_BITS);
  const nonZero = value === 0 ? Number.MIN_VALUE : value;
  return negative ? -nonZero : nonZero;
}
