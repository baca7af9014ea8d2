import { germanLevels } from '../../../../shared/domain/participants.js';
import { nationalityOptions } from '../../../../shared/rules/countries.js';

const countryNames = nationalityOptions().map((n) => n.name);

/** The German levels of a person's select, after the "none" choice. */
export function GermanLevelOptions({ none }: { none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {germanLevels.map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </>
  );
}

/** The communes of a person's select, after the "none" choice. */
export function CommuneOptions({ communes, none }: { communes: readonly { id: number; name: string }[]; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {communes.map((c) => (
        <option key={c.id} value={String(c.id)}>
          {c.name}
        </option>
      ))}
    </>
  );
}

/** The country names a nationality field suggests (its `list`), typed freely otherwise. */
export function CountryList({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {countryNames.map((n) => (
        <option key={n} value={n} />
      ))}
    </datalist>
  );
}
