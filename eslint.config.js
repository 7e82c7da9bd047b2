import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import i18next from 'eslint-plugin-i18next'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const coreForbiddenPaths = [
  { name: 'electron', message: 'src-main/core is Electron-free; inject what you need.' },
  { name: 'electron-store', message: 'src-main/core takes a KeyValueStore instead.' },
]

export default defineConfig([
  globalIgnores(['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/.work/**', '.cache/**', '**/*.mjs', '**/*.cjs']),
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // Template literals with numbers are everywhere in protocol code and are unambiguous.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The core runs under plain Node and in tests: it must never reach for Electron.
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: coreForbiddenPaths }],
    },
  },
  {
    // Domains never depend on the API layer: it assembles them (api/slices.ts), and only app/ wires it.
    files: ['src-main/core/**/*.ts'],
    ignores: ['src-main/core/api/**', 'src-main/core/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: coreForbiddenPaths,
          patterns: [
            {
              group: ['**/api', '**/api/*', '../api', '../api/*'],
              message: 'A core domain never imports core/api (only app/ does): take what you need from core/slice, core/errors or your own folder.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer runs in a sandboxed page: no Node built-ins, nothing from main.
    files: ['src-renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/incompatible-library': 'off', // flags TanStack's useVirtualizer, which is fine
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer never imports Node.' })),
            { name: 'electron', message: 'The renderer talks only through the bridge.' },
          ],
          patterns: [{ group: ['**/src-main/**', '../../src-main/*'], message: 'The renderer never imports main.' }],
        },
      ],
    },
  },
  {
    // Every word a person reads comes from the catalogue (src-renderer/src/i18n): a literal text in
    // JSX, or in an attribute a person reads or a screen reader speaks, fails the lint.
    files: ['src-renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'title',
              'placeholder',
              'alt',
              'label',
              'aria-label',
              'aria-description',
              'aria-roledescription',
              'aria-valuetext',
              'heading',
              'legend',
              'hint',
              'caption',
              'summary',
              'empty',
              'emptyText',
              'message',
              'confirmLabel',
              'text',
            ],
          },
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s·•–—…→←↑↓×✓✕●○◐⏸▶︎\\u00a0\\u2009\\u202f]+', '[A-Z0-9_+\\-]+'] },
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests poke at edges on purpose (casting hostile input, reaching into mocks).
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
])
