// Types of scripts/build-main.mjs for the TypeScript that imports it (bench/coldstart.ts).
export declare const mainBundle: string;
export declare function mainBundleIsFresh(bundle?: string): boolean;
export declare function buildMain(outDir?: string): Promise<string>;
/** Bundles the import reader's thread to `outfile` (not written: the result's outputFiles are). */
export declare function buildImportReader(
  build: typeof import('esbuild').build,
  outfile: string,
  target: string,
): Promise<import('esbuild').BuildResult<{ metafile: true; write: false }>>;
