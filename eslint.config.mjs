// Type-aware rules picked one by one (the ones that catch lost promises and unhandled cases),
// on top of the recommended sets. Deciders and aggregates stay free of Nest.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import housePlan from './tools/eslint/house-plan.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.nwd-data/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The pages' script runs in the browser.
  { files: ['src/web/public/**/*.js'], languageOptions: { globals: globals.browser } },
  // The pages' script and the service worker (bundled by tools/build-web.mjs).
  {
    files: ['src/web/client/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
    },
  },
  // The house plan: apps -> src -> libs, each capability through its door, no cycles.
  {
    files: ['src/**/*.ts', 'libs/**/*.ts', 'apps/**/*.ts', 'bench/**/*.ts'],
    plugins: { house: housePlan },
    rules: { 'house/boundaries': 'error', 'house/no-cycle': 'error' },
  },
  {
    // Deciders, aggregate state (state + evolve) and event types: pure, on the kernel alone.
    files: ['src/**/*.decide.ts', 'src/**/*.state.ts', 'src/**/*.events.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*'], message: 'Deciders and aggregates are pure: no Nest.' },
            { group: ['pg', '@electric-sql/*'], message: 'Deciders never touch the database.' },
            {
              regex: '^#(platform|event-store|projections|testing)(/|$)',
              message: 'Deciders and aggregates import only the pure kernel (#kernel).',
            },
            {
              regex:
                '(^|/)(index|.*\\.(handler|handlers|controller|query|projection|module|dto))\\.js$',
              message:
                'Deciders and aggregates import only pure files (decide, state, events, rules).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in the command.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time comes in the command.',
        },
        {
          selector: "CallExpression[callee.name='randomUUID']",
          message: 'Ids come in the command.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
