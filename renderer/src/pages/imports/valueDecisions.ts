/** The import preview's decisions for values no catalogue knows, as the page keeps them and the commit sends them. */
import type { ImportValueReport, ValueChoice, ValueField } from '../../../../shared/domain/imports.js';

/** What the person chose for one unknown value; `create` = a new commune (name + district) made by the import. */
export interface Choice {
  mapTo: string | null;
  create?: { name: string; district: string };
}

export type Choices = Record<string, Choice>;

export const choiceKey = (field: ValueField, value: string) => `${field}\u0000${value}`;

/** Select values that are no catalogue entry: leave open (kept as text), leave empty, create a commune. */
export const OPEN = '__open';
export const EMPTY = '__empty';
export const CREATE = '__create';

/** The choice in force for a value: the person's own, else the sender's remembered one, else "leave open". */
export function choiceFor(choices: Choices, field: ValueField, u: ImportValueReport['unknown'][number]): Choice {
  return choices[choiceKey(field, u.value)] ?? { mapTo: u.remembered?.mapTo ?? null };
}

/**
 * The decisions the commit sends: those the person made (a remembered one withdrawn with "leave open" included, so
 * it is forgotten) and the remembered ones shown. An untouched value without a remembered decision is left out:
 * the server then applies what the sender has remembered, also when the preview was read before the sender was typed.
 */
export function valueChoices(values: ImportValueReport[], choices: Choices): ValueChoice[] {
  return values.flatMap((v) =>
    v.unknown.flatMap((u) => {
      if (!choices[choiceKey(v.field, u.value)] && !u.remembered) return [];
      const c = choiceFor(choices, v.field, u);
      return c.create
        ? [{ field: v.field, value: u.value, mapTo: null, newCommune: { name: c.create.name.trim(), district: c.create.district.trim() || null } }]
        : [{ field: v.field, value: u.value, mapTo: c.mapTo }];
    }),
  );
}

/** A new commune needs its name; the key of the first value whose name is missing, else null. */
export function missingCommuneName(values: ImportValueReport[], choices: Choices): string | null {
  for (const v of values) for (const u of v.unknown) if (choiceFor(choices, v.field, u).create?.name.trim() === '') return choiceKey(v.field, u.value);
  return null;
}
