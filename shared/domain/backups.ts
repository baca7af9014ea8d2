import { z } from 'zod';

/** A backup as the Sicherungen tab lists it: its file name only, never a path (the renderer never sees one). */
export const backupInfo = z.object({
  name: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  /** why it was taken, from the file name: start, manuell, vor-migration, vor-import, vor-wiederherstellung ... */
  reason: z.string(),
});
export type BackupInfo = z.infer<typeof backupInfo>;
