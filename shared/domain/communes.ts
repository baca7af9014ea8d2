import { z } from 'zod';
import { id, optionalText, requiredText } from './common.js';

/** Amtlicher Gemeindeschlüssel: 8 digits (Land, Regierungsbezirk, Kreis, Gemeinde). */
export const ags = z
  .string()
  .trim()
  .regex(/^\d{8}$/, { message: 'Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern' });

export const communeInput = z.object({
  name: requiredText(120),
  district: optionalText(120),
  ags: ags.nullable().optional().transform((v) => v ?? null),
});
export type CommuneInput = z.input<typeof communeInput>;

export const commune = z.object({
  id,
  name: z.string(),
  district: z.string().nullable(),
  ags: z.string().nullable(),
});
export type Commune = z.infer<typeof commune>;
