import type { DemoStep } from './demo.seed.js';

/** Demo data of each feature, in dependency order. Features append their step here. */
export const demoSteps: DemoStep[] = [];
