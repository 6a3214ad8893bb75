// ESLint (flat config). Type-checked rules where a mistake costs a silent bug (unawaited promises,
// a switch that forgets a case), react-hooks for the renderer, and the layering of docs/architecture.md
// as import restrictions. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Layering rules, one entry per boundary: [files, forbidden import patterns, why]. */
const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths: [], patterns: patterns.map((p) => ({ ...p, message })) }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.bench/', 'electron/engine/wasm/kernels-wasm.ts', 'tests/fixtures/', 'tests/oracle/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Types that describe a public JSON shape are interfaces; an empty extension names a concept.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    // Tests poke at untyped JSON (CLI output, workbooks read back) on purpose.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  layer(
    ['shared/**/*.ts'],
    [{ group: ['**/electron/**', '**/renderer/**', 'electron', 'react', 'react-dom', 'react/*', ...nodeBuiltins] }],
    'shared/ is pure TypeScript: no Node, Electron, React or DOM code (docs/architecture.md, Layering).',
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    [{ group: ['**/electron/**', 'electron', ...nodeBuiltins] }],
    'The renderer talks to the backend only through renderer/api.',
  ),
  layer(
    ['shared/engine/**/*.ts'],
    [{ group: ['**/disclosure/**', '**/analysis/**', '**/electron/**', '**/renderer/**', 'electron', 'react', ...nodeBuiltins] }],
    'The engine computes; output rules and analysis routes build on it, never the other way round.',
  ),
  layer(['electron/**/*.ts'], [{ regex: 'shared/disclosure/(?!index$).+' }], 'The backend reaches the output rules only through shared/disclosure/index.ts.'),
);
