// Lint: typescript-eslint's recommended rules, plus the import direction of the pipeline (see README).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Each step may import only from the steps before it and from model/; pipeline/ drives every step, and only
// cli/ drives it.
const steps = ['model', 'ingest', 'nlp', 'extract', 'resolve', 'store', 'export', 'server'];
const forbiddenFor = (step) => {
  const later = step === 'pipeline' ? [] : [...steps.slice(steps.indexOf(step) + 1), 'pipeline'];
  return [...later, 'cli'].map((s) => ({ group: [`../${s}/*`, `../${s}`], message: `${step}/ must not import from ${s}/: data flows one way.` }));
};

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'node_modules/', 'neo4j/target/', '.kg/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  ...[...steps, 'pipeline'].map((step) => ({
    files: [`src/${step}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: forbiddenFor(step) }] },
  })),
  { files: ['web/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
);
