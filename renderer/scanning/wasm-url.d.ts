/** Vite's `?url` import: the emitted file's URL, so the app loads its own copy (no CDN). */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
