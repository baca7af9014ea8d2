/**
 * IPC channel names, shared by main and preload. Deliberately import-free: the sandboxed preload bundle
 * must contain nothing but these strings and the bridge.
 */
export const channels = {
  /** every contract procedure goes through this one channel, like `/api/call/<name>` in web mode */
  invoke: 'lotse:invoke',
  /** main → renderer: progress of long jobs */
  progress: 'lotse:progress',
  /** open-file dialog in main; answers with a file handle, never a path */
  pickFile: 'lotse:pickFile',
  /** save dialog in main; copies the file behind a handle to the chosen place */
  saveFile: 'lotse:saveFile',
} as const;
