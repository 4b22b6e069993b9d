// The same API as the package's main entry, which is typed; the sources are what it is built from.
declare module 'localforage/src/localforage.js' {
  import localforage from 'localforage';
  export default localforage;
}
