// The layers of the code and which way imports may run (README, "Layout"). `npm test` runs
// `npm run layers`, which fails on any import that breaks a rule here and names the rule.
//
//   core      pure compute                          -> core
//   geodata   reference data, readers over bytes    -> core, geodata
//   contract  the Host API the UI asks of its host  -> core
//   disk      Node file code shared by main and CLI -> core, geodata, contract
//   renderer  the UI                                -> core, geodata, contract, renderer
//   electron  desktop main and preload              -> core, geodata, contract, disk, electron
//   cli       the qcplan command line               -> core, geodata, disk, cli
//
// samples/ holds data the renderer may import as a URL; test/ and scripts/ may import anything.

/** Folders a layer may import from, besides npm packages and Node built-ins. */
const allowed = {
  core: ['core'],
  geodata: ['core', 'geodata'],
  contract: ['core', 'contract'],
  disk: ['core', 'geodata', 'contract', 'disk'],
  renderer: ['core', 'geodata', 'contract', 'renderer', 'samples'],
  electron: ['core', 'geodata', 'contract', 'disk', 'electron'],
  cli: ['core', 'geodata', 'disk', 'cli'],
};

const projectFolders = ['core', 'geodata', 'contract', 'disk', 'renderer', 'electron', 'cli', 'samples', 'test', 'scripts'];

const layerRules = Object.entries(allowed).map(([layer, may]) => ({
  name: `${layer}-imports-only-${may.join('-')}`,
  comment: `${layer}/ may import only from ${may.map((f) => `${f}/`).join(', ')} (README, "Layout")`,
  severity: 'error',
  from: { path: `^${layer}/` },
  to: {
    path: `^(${projectFolders.join('|')})/`,
    pathNot: `^(${may.join('|')})/`,
  },
}));

/** core and geodata run in workers, the renderer and main alike: no Node built-ins. */
const noNodeInPureLayers = {
  name: 'core-geodata-no-node-builtins',
  comment: 'core/ and geodata/ take bytes, not paths: no Node built-ins (they run in web workers too)',
  severity: 'error',
  from: { path: '^(core|geodata|contract)/' },
  to: { dependencyTypes: ['core'] },
};

/** The renderer runs in a browser page: no Node built-ins there either. */
const noNodeInRenderer = {
  name: 'renderer-no-node-builtins',
  comment: 'renderer/ runs in a browser page and web workers: no Node built-ins',
  severity: 'error',
  from: { path: '^renderer/' },
  to: { dependencyTypes: ['core'] },
};

module.exports = {
  forbidden: [
    ...layerRules,
    noNodeInPureLayers,
    noNodeInRenderer,
    {
      name: 'no-cycles',
      comment: 'a module must not import itself through others: cycles make load order and layering fragile',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'every import must resolve to a file or an installed package',
      severity: 'error',
      from: {},
      // Vite's asset imports (`x?url`) resolve at build time
      to: { couldNotResolve: true, pathNot: '[?](url|raw|worker)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist-web|release|test-output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
