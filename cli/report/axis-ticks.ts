/**
 * Round tick values for the report's axes: 1, 2 or 5 times a power of ten,
 * about `count` of them across the range, zero included whenever the range
 * holds it (a balance axis must show where zero is).
 */
export function ticksBetween(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}
