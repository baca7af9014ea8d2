/** Where Electron's executable is, or why there is none (scripts/electron-binary.mjs). */
export function electronBinary(): { binary: string | null; reason: string };
