import { describe, expect, it } from 'vitest';
import { mappedDriveWarning, mappedNetworkDrives, networkPathWarning, networkShareWarning } from './network-path.js';

/** `net use` on an English Windows 11: one drive reconnected, one unavailable, one with a long name that wraps. */
const english = [
  'New connections will be remembered.',
  '',
  '',
  'Status       Local     Remote                    Network',
  '',
  '-------------------------------------------------------------------------------',
  'OK           H:        \\\\fs01\\home$            Microsoft Windows Network',
  'Unavailable  P:        \\\\nas\\Projekte          Microsoft Windows Network',
  'OK           Z:        \\\\fileserver.landkreis.local\\Integration Arbeitsmarkt',
  '                                                Microsoft Windows Network',
  'OK                     \\\\fs01\\IPC$             Microsoft Windows Network',
  'The command completed successfully.',
  '',
].join('\r\n');

/**
 * The same on a German Windows, as Node receives it when decoded as latin1 from code page 850 ("Nicht verfügbar"
 * then reads "Nicht verf\x81gbar"), with a WebDAV drive and a drive redirected by Remote Desktop.
 */
const german = [
  'Neue Verbindungen werden gespeichert.',
  '',
  '',
  'Status       Lokal     Remote                    Netzwerk',
  '',
  '-------------------------------------------------------------------------------',
  'OK           L:        \\\\srv-dd01\\Lotse        Microsoft Windows Network',
  'Nicht verf\x81gbar',
  '             M:        \\\\srv-dd01\\Ablage       Microsoft Windows Network',
  'Getrennt     W:        \\\\cloud.example.de@SSL\\DavWWWRoot',
  '                                                Web Client Network',
  '             T:        \\\\TSCLIENT\\C             Microsoft Terminal Services',
  'Der Befehl wurde erfolgreich ausgef\x81hrt.',
  '',
].join('\r\n');

const none = ['Neue Verbindungen werden gespeichert.', '', 'Es sind keine Einträge in der Liste vorhanden.', ''].join('\r\n');

describe('drive letters mapped to network shares', () => {
  it('reads them from English and German `net use`, whatever the status and the network', () => {
    expect([...mappedNetworkDrives(english)]).toEqual([
      ['H:', '\\\\fs01\\home$'],
      ['P:', '\\\\nas\\Projekte'],
      ['Z:', '\\\\fileserver.landkreis.local\\Integration Arbeitsmarkt'],
    ]);
    expect([...mappedNetworkDrives(german)]).toEqual([
      ['L:', '\\\\srv-dd01\\Lotse'],
      ['M:', '\\\\srv-dd01\\Ablage'],
      ['W:', '\\\\cloud.example.de@SSL\\DavWWWRoot'],
      ['T:', '\\\\TSCLIENT\\C'],
    ]);
    expect(mappedNetworkDrives(none).size).toBe(0);
    expect(mappedNetworkDrives('').size).toBe(0);
  });

  it('warns in German, with the reason and team mode, for a database on a mapped drive only', () => {
    const warning = mappedDriveWarning('z:\\Lotse\\lotse.sqlite', english);
    expect(warning).toContain('Netzlaufwerk (Z: = \\\\fileserver.landkreis.local\\Integration Arbeitsmarkt)');
    expect(warning).toMatch(/Änderungen verloren gehen/);
    expect(warning).toMatch(/Teambetrieb/);
    expect(mappedDriveWarning('L:/Daten/lotse.sqlite', german)).toMatch(/Netzlaufwerk \(L: = \\\\srv-dd01\\Lotse\)/);
    expect(mappedDriveWarning('C:\\Users\\k\\AppData\\Roaming\\Lotse\\lotse.sqlite', english)).toBeNull();
    expect(mappedDriveWarning('Z:\\lotse.sqlite', none)).toBeNull();
  });

  it('asks `net use` on Windows only, and only for a drive-letter path', async () => {
    const asked: string[] = [];
    const netUse = async () => {
      asked.push('net use');
      return german;
    };
    expect(await networkShareWarning('M:\\lotse.sqlite', 'win32', netUse)).toMatch(/Netzlaufwerk/);
    expect(await networkShareWarning('D:\\lotse.sqlite', 'win32', netUse)).toBeNull();
    expect(await networkShareWarning('\\\\srv\\share\\lotse.sqlite', 'win32', netUse)).toMatch(/Netzlaufwerk \(\\\\srv/);
    expect(asked).toHaveLength(2);
    expect(await networkShareWarning('/home/k/lotse.sqlite', 'linux', netUse)).toBeNull();
    expect(asked).toHaveLength(2);
  });

  it('still warns for UNC paths on every system', () => {
    expect(networkPathWarning('\\\\server\\share\\lotse.sqlite')).toMatch(/Netzlaufwerk.*Teambetrieb/);
    expect(networkPathWarning('C:\\lotse.sqlite')).toBeNull();
  });
});
