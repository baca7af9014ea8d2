import { financeDemoStep } from '../finance/finance.demo.js';
import { mentoringDemoStep } from '../fairs/mentoring.demo.js';
import { participantsDemoStep } from '../participants/participants.demo.js';
import { placementsDemoStep } from '../placements/placements.demo.js';
import { dayDemoStep } from '../reminders/day.demo.js';
import type { DemoStep } from './demo.seed.js';

/** Demo data of each feature, in dependency order. Features append their step here. */
export const demoSteps: DemoStep[] = [participantsDemoStep, mentoringDemoStep, placementsDemoStep, financeDemoStep, dayDemoStep];
