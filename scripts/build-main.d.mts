// Types of scripts/build-main.mjs for the TypeScript that imports it (bench/coldstart.ts).
export declare const mainBundle: string;
export declare function mainBundleIsFresh(bundle?: string): boolean;
export declare function buildMain(outDir?: string): Promise<string>;
