import { z } from 'zod';
import { procedure } from './define.js';
import { id } from '../domain/common.js';
import { program, programInput } from '../domain/programs.js';

export const programsContract = {
  /** All programs (archived ones only on request) with their communes and AGH slots. */
  'programs.list': procedure({
    input: z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }),
    output: z.array(program),
  }),
  /** One program by id; `not_found` if it does not exist. */
  'programs.get': procedure({ input: z.object({ id }), output: program }),
  /** Create a program with its communes and slots in one transaction; the name must be unique. */
  'programs.create': procedure({ input: programInput, output: program }),
  /** Replace a program's fields and its commune list; slots of removed communes are dropped. */
  'programs.update': procedure({ input: z.object({ id, data: programInput }), output: program }),
  /** Archive (hide) a program; its data stays for reports. */
  'programs.archive': procedure({ input: z.object({ id, archived: z.boolean() }), output: program }),
};
