import { LENDER_STEPS, STEPS, type LenderStepId, type StepId, type StepStatus } from './catalog.js';

/** How far the eight steps have gone, for one debt: its own steps beside the ones shared by every debt. */

export type StepStatuses = Record<StepId, StepStatus>;

const rank: Record<StepStatus, number> = { todo: 0, skipped: 1, in_progress: 2, done: 3 };

/** A step only moves forward (todo → in progress → done), except that "skipped" never overwrites progress. */
export const advanceStep = (current: StepStatus, next: StepStatus): StepStatus => (rank[next] > rank[current] ? next : current);

export const isLenderStep = (step: StepId): step is LenderStepId => (LENDER_STEPS as readonly StepId[]).includes(step);

/** The step we suggest next: the first one not done, in the order of the guide. */
export const suggestedStep = (steps: StepStatuses): StepId | null =>
  STEPS.find((s) => steps[s] !== 'done' && steps[s] !== 'skipped') ?? null;

export const stepsDone = (steps: StepStatuses): number => STEPS.filter((s) => steps[s] === 'done').length;
