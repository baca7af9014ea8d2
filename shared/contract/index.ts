import type { z } from 'zod';
import { communesContract } from './communes.contract.js';
import { programsContract } from './programs.contract.js';
import { systemContract } from './system.contract.js';

/** Every procedure of Lotse, keyed `feature.verb`. Add a feature's contract here and its handlers in main/api. */
export const contract = {
  ...systemContract,
  ...communesContract,
  ...programsContract,
};

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type InputOf<N extends ProcedureName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends ProcedureName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends ProcedureName> = z.output<Contract[N]['output']>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { ProgressEvent } from './define.js';
