// The same API as the package's main entry, which is typed; this build only leaves out its Promise polyfill.
declare module 'localforage/dist/localforage.nopromises.js' {
  import localforage from 'localforage';
  export default localforage;
}
