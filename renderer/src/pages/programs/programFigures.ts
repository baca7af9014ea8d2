import {
  defaultSuccessKinds,
  successKeys,
  targetKeys,
  type Program,
  type ProgramTargetInput,
  type SuccessKey,
  type TargetKey,
} from '../../../../shared/domain/programs.js';

/** The figures part of a program's form as typed: numbers stay text until saved, so a half-typed value is kept. */
export interface ProgramFiguresForm {
  followUpMonths: string;
  successKinds: SuccessKey[];
  targets: Record<TargetKey, string>;
  /** funded by ESF Plus: the report carries the common output indicators at entry */
  esfPlus: boolean;
}

export function figuresFormOf(program: Program | null): ProgramFiguresForm {
  const planned = new Map(program?.targets.map((t) => [t.key, t.planned]) ?? []);
  return {
    followUpMonths: String(program?.followUpMonths ?? 6),
    successKinds: program?.successKinds ?? [...defaultSuccessKinds],
    targets: Object.fromEntries(targetKeys.map((k) => [k, planned.has(k) ? String(planned.get(k)) : ''])) as Record<TargetKey, string>,
    esfPlus: program?.esfPlus ?? false,
  };
}

/** Empty target fields mean "no planned value" and are left out; anything else is validated by the schema. */
export function figuresInputOf(form: ProgramFiguresForm): {
  followUpMonths: number;
  successKinds: SuccessKey[];
  targets: ProgramTargetInput[];
  esfPlus: boolean;
} {
  const months = form.followUpMonths.trim();
  return {
    followUpMonths: months === '' ? NaN : Number(months),
    successKinds: successKeys.filter((k) => form.successKinds.includes(k)),
    targets: targetKeys
      .filter((k) => form.targets[k].trim() !== '')
      .map((k) => ({ key: k, planned: Number(form.targets[k].trim()) })),
    esfPlus: form.esfPlus,
  };
}


/**
 * Where a schema or server path of the figures belongs in a form that keeps them under `figures`: a target's
 * message by its key (the input lists only the filled targets, so its index is not the field's).
 */
export function figuresFieldOf(path: string, form: ProgramFiguresForm): string | null {
  const target = /^targets\.(\d+)/.exec(path);
  if (target) {
    const key = figuresInputOf(form).targets[Number(target[1])]?.key;
    return key ? `figures.targets.${key}` : 'figures';
  }
  return /^(followUpMonths|successKinds|esfPlus)$/.test(path) ? `figures.${path}` : null;
}
