/** The one line a user copies to reproduce a run. */
export function replayLine(system: string, design: string, seed: number, scenario?: string): string {
  const d = /^[\w.\/-]+$/.test(design) ? design : JSON.stringify(design);
  if (scenario !== undefined) return `npx moneysim run ${system}/${scenario} --design ${d} --seed ${seed}`;
  return `npx moneysim replay ${system} --design ${d} --seed ${seed}`;
}
