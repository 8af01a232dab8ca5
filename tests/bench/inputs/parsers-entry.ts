/**
 * Both parsers of figure 1, bundled together by Vite as the app bundles its own code: tsx (which
 * runs the bench) compiles with esbuild's keepNames, whose per-closure `__name` calls double the
 * cost of our parser and would measure the test runner, not the parser.
 */
export { parseScan } from '../../../shared/barcode';
// @ts-expect-error -- a CommonJS module without type declarations; figure 1 types its one export.
export { parseBarcode } from 'gs1-barcode-parser-mod';
