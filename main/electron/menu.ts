import type { MenuItemOptions } from './electron-api.js';

export interface MenuActions {
  isPackaged: boolean;
  onAbout(): void;
  /** opens an allow-listed help page in the system browser */
  openHelpPage(url: string): void;
}

/** The German application menu. Developer tools only in unpackaged (development) runs. */
export function menuTemplate(actions: MenuActions): MenuItemOptions[] {
  return [
    { label: 'Datei', submenu: [{ label: 'Beenden', role: 'quit', accelerator: 'CmdOrCtrl+Q' }] },
    {
      label: 'Bearbeiten',
      submenu: [
        { label: 'Rückgängig', role: 'undo' },
        { label: 'Wiederholen', role: 'redo' },
        { type: 'separator' },
        { label: 'Ausschneiden', role: 'cut' },
        { label: 'Kopieren', role: 'copy' },
        { label: 'Einfügen', role: 'paste' },
        { label: 'Alles auswählen', role: 'selectAll' },
      ],
    },
    {
      label: 'Ansicht',
      submenu: [
        { label: 'Neu laden', role: 'reload' },
        { label: 'Entwicklerwerkzeuge', role: 'toggleDevTools', visible: !actions.isPackaged },
        { type: 'separator' },
        { label: 'Originalgröße', role: 'resetZoom' },
        { label: 'Vergrößern', role: 'zoomIn' },
        { label: 'Verkleinern', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Vollbild', role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Hilfe',
      submenu: [
        { label: 'Bundesagentur für Arbeit (Website)', click: () => actions.openHelpPage('https://www.arbeitsagentur.de/') },
        { label: 'SMWA Sachsen (Website)', click: () => actions.openHelpPage('https://www.smwa.sachsen.de/') },
        { type: 'separator' },
        { label: 'Über Lotse', click: () => actions.onAbout() },
      ],
    },
  ];
}
