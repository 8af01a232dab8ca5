// The one place the app's version comes from; Vite keeps only this field of package.json.
export { version as APP_VERSION } from '../../package.json';
