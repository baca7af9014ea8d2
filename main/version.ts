/** Kept equal to package.json's version (a test checks it); a constant bundles without reading files. */
export const version = '0.1.0';
