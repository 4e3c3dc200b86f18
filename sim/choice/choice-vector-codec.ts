/**
 * A compact one-line text form of a choice vector, for replay lines.
 * Values are written in base 36 separated by dots; a run of k equal values is
 * written `v*k`. Trailing zeros are dropped because replay reads them as 0.
 */
export function encodeChoices(values: readonly number[]): string {
  let end = values.length;
  while (end > 0 && values[end - 1] === 0) end--;
  const parts: string[] = [];
  let i = 0;
  while (i < end) {
    const v = values[i]!;
    let j = i + 1;
    while (j < end && values[j] === v) j++;
    const run = j - i;
    const token = v.toString(36);
    parts.push(run > 2 ? `${token}*${run.toString(36)}` : run === 2 ? `${token}.${token}` : token);
    i = j;
  }
  return parts.join('.');
}

export type DecodeResult = { ok: true; values: number[] } | { ok: false; message: string };

export function decodeChoices(text: string): DecodeResult {
  const values: number[] = [];
  if (text.trim() === '') return { ok: true, values };
  for (const token of text.trim().split('.')) {
    const m = /^([0-9a-z]+)(?:\*([0-9a-z]+))?$/.exec(token);
    if (m === null) return { ok: false, message: `malformed choice token "${token}"` };
    const value = parseInt(m[1]!, 36);
    const run = m[2] === undefined ? 1 : parseInt(m[2], 36);
    if (!Number.isSafeInteger(value) || !Number.isSafeInteger(run) || run < 1 || run > 10_000_000) {
      return { ok: false, message: `choice token out of range "${token}"` };
    }
    for (let k = 0; k < run; k++) values.push(value);
  }
  return { ok: true, values };
}
