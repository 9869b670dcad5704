/** The dependency rules of ARCHITECTURE.md, checked on every `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'feature-internals',
      comment: 'A feature uses another feature only through what its index.ts exports.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'index-exports-no-store',
      comment: 'A feature shows other features its commands and queries, never its store (types may come from it).',
      severity: 'error',
      from: { path: '^src/features/[^/]+/index\\.tsx?$' },
      to: { path: '\\.store\\.tsx?$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-knows-no-feature',
      comment: 'web/, i18n/ and db/ serve every feature and know none.',
      severity: 'error',
      from: { path: '^src/(web|i18n|db)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'no-feature-cycles',
      comment: 'The graph between features has no cycles.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { circular: true },
    },
    {
      name: 'no-app-from-features',
      comment: 'Features never reach up into the composition root.',
      severity: 'error',
      from: { path: '^src/(features|web|i18n|db)/' },
      to: { path: '^src/(app|main|config)\\.ts$|^src/demo/' , pathNot: '^src/config\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.tsx?$' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
