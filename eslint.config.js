import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import {configs as litConfigs} from 'eslint-plugin-lit';
import {configs as wcConfigs} from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'release/',
      'node_modules/',
      'custom-elements.json',
      'wordpress/**/assets/',
      '.wp/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  litConfigs['flat/recommended'],
  wcConfigs['flat/best-practice'],
  {
    // lit-a11y ships only a legacy config: take its plugin and its recommended rules.
    plugins: {'lit-a11y': litA11y},
    rules: litA11y.configs.recommended.rules,
  },
  {
    languageOptions: {globals: {...globals.browser}},
    rules: {
      'lit/no-template-bind': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/attribute-value-entities': 'error',
      'wc/guard-super-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: [
      'scripts/**',
      '*.config.*',
      'wordpress/**/*.mjs',
      'bench/**',
      'test/dist/**',
      'test/runner/**',
      'test/*.mjs',
    ],
    languageOptions: {globals: {...globals.node}},
  },
  {
    files: ['test/**'],
    rules: {'@typescript-eslint/no-unused-expressions': 'off'},
  },
  prettier,
);
