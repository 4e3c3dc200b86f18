/** The one line a user copies to reproduce a run. */
import { encodeChoices } from '../../sim/choice/choice-vector-codec.ts';
import type { RunRecipe } from '../../sim/explore/run-recipe.ts';

function quoteDesign(design: string): string {
  return /^[\w.\/-]+$/.test(design) ? design : JSON.stringify(design);
}

export function replayLine(system: string, design: string, seed: number, scenario?: string): string {
  const d = quoteDesign(design);
  if (scenario !== undefined) return `npx moneysim run ${system}/${scenario} --design ${d} --seed ${seed}`;
  return `npx moneysim replay ${system} --design ${d} --seed ${seed}`;
}

/** Replays a recorded (usually shrunk) run exactly from its compact choice vector. */
export function recipeReplayLine(system: string, design: string, recipe: RunRecipe): string {
  const parts = [`npx moneysim replay ${system} --design ${quoteDesign(design)}`];
  if (recipe.world === 'exhaustive') {
    parts.push(`--world exhaustive --workload ${recipe.workload ?? 2}`);
    if (recipe.externalMode === 'non-idempotent') parts.push('--external-mode non-idempotent');
  }
  const encoded = encodeChoices(recipe.choices);
  parts.push(`--choices ${encoded === '' ? '""' : encoded}`);
  return parts.join(' ');
}
