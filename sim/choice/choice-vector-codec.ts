/**
 * A compact one-line text form of a choice vector, for replay lines.
 *
 * Values are written in base 36 separated by dots; a run of k equal values is
 * written `v*k`. Trailing zeros are dropped because replay reads them as 0.
 * When the number of choices the recorded run made is known, it ends the
 * text as `~n`, in decimal so that it reads as the count it is:
 * `0.1.1.0*q.1~56` is 30 written choices of a run that made 56, the last 26
 * of them zeros. That suffix is what lets a
 * replay tell a vector cut short by a copy-and-paste slip (the suffix is
 * gone, or disagrees with the choices the run makes) from a complete one.
 */
export function encodeChoices(values: readonly number[], choicesMade?: number): string {
  // Values past the choices the run made were never read, so they are not part of the run.
  let end = choicesMade === undefined ? values.length : Math.min(values.length, choicesMade);
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
  const body = parts.join('.');
  return choicesMade === undefined ? body : `${body}~${choicesMade}`;
}

/** `choicesMade` is present when the text carried a `~n` suffix. */
export type DecodeResult = { ok: true; values: number[]; choicesMade?: number } | { ok: false; message: string };

const MAX_RUN = 10_000_000;

export function decodeChoices(text: string): DecodeResult {
  const trimmed = text.trim();
  const tilde = trimmed.indexOf('~');
  const body = tilde < 0 ? trimmed : trimmed.slice(0, tilde);
  const values: number[] = [];
  if (body !== '') {
    for (const token of body.split('.')) {
      const m = /^([0-9a-z]+)(?:\*([0-9a-z]+))?$/.exec(token);
      if (m === null) return { ok: false, message: `malformed choice token "${token}"` };
      const value = parseInt(m[1]!, 36);
      const run = m[2] === undefined ? 1 : parseInt(m[2], 36);
      if (!Number.isSafeInteger(value) || !Number.isSafeInteger(run) || run < 1 || run > MAX_RUN || values.length + run > MAX_RUN) {
        return { ok: false, message: `choice token out of range "${token}"` };
      }
      for (let k = 0; k < run; k++) values.push(value);
    }
  }
  if (tilde < 0) return { ok: true, values };
  const suffix = trimmed.slice(tilde + 1);
  if (!/^\d+$/.test(suffix)) return { ok: false, message: `malformed choice count "~${suffix}" (expected ~ and a decimal number at the end)` };
  const choicesMade = Number(suffix);
  if (!Number.isSafeInteger(choicesMade)) return { ok: false, message: `choice count out of range "~${suffix}"` };
  if (values.length > choicesMade) {
    return { ok: false, message: `the vector holds ${values.length} choices but declares ${choicesMade} in all (~${suffix}); it was edited or pasted incompletely` };
  }
  return { ok: true, values, choicesMade };
}
