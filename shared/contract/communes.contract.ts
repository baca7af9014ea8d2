import { z } from 'zod';
import { procedure } from './define.js';
import { id } from '../domain/common.js';
import { commune, communeInput } from '../domain/communes.js';

export const communesContract = {
  /** All communes, sorted by district and name. */
  'communes.list': procedure({ input: z.object({}).default({}), output: z.array(commune) }),
  /** Create a commune; name + district and the AGS must be unique. */
  'communes.create': procedure({ input: communeInput, output: commune }),
  /** Update a commune's name, district or AGS. */
  'communes.update': procedure({ input: z.object({ id, data: communeInput }), output: commune }),
};
