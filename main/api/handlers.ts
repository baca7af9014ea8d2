import { communesHandlers } from '../features/communes/communes.handlers.js';
import { programsHandlers } from '../features/programs/programs.handlers.js';
import { systemHandlers } from '../features/system/system.handlers.js';
import type { Handlers } from './router.js';

/** Every feature's handlers, bound to the contract. `satisfies Handlers` makes a missing one a type error. */
export const handlers = {
  ...systemHandlers,
  ...communesHandlers,
  ...programsHandlers,
} satisfies Handlers;
