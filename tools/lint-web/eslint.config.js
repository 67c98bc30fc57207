// ESLint for the browser code of platform-web: ES modules, run by ./edgeforge test (npm run lint).
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    files: ['platform-web/src/main/resources/static/js/**/*.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.browser
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error'
    },
    rules: {
      ...js.configs.recommended.rules,
      'no-undef': 'error',
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'no-implicit-globals': 'error',
      'prefer-const': 'error',
      'no-var': 'error',
      'max-len': ['error', { code: 120, ignoreUrls: true }]
    }
  }
];
