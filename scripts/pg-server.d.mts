export function findPgBin(): string | null;
export function startPgServer(): Promise<{ url: string; port: number; dir: string; stop: () => void }>;
