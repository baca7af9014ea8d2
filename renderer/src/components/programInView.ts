const storageKey = 'lotse.programInView';

/** Remembers the program a page was switched to (Übersicht, Berichte, Börsen), for new records on other pages. */
export function rememberProgram(id: number): void {
  localStorage.setItem(storageKey, String(id));
}

/**
 * The program a new record belongs to by default: the one the page shows (`shown`), else the one chosen last on
 * any page, else the first — never silently the first when the coordinator is looking at another program.
 */
export function programInView<P extends { id: number }>(programs: P[], shown?: number | null): P | undefined {
  const remembered = Number(localStorage.getItem(storageKey));
  return programs.find((p) => p.id === shown) ?? programs.find((p) => p.id === remembered) ?? programs[0];
}
