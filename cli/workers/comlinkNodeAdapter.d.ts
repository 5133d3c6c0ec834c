// comlink ships the Node adapter's types beside node-adapter.mjs without a package "exports" map.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
