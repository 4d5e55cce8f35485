// ESLint for the portal's plain ES modules (portal-static/app) and the build script: the recommended rules, and
// import/no-cycle so that no module imports back one that imports it (views take navigation from router.js, never
// from main.js). Run by the tests (PortalLintTests) and by `npm run lint`.
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

export default [
  { ignores: ['portal-static/vendor/**', 'artifacts/**', 'node_modules/**', '**/bin/**', '**/obj/**'] },
  js.configs.recommended,
  importPlugin.flatConfigs.recommended,
  {
    files: ['portal-static/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.browser },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      // Imports are relative files the linter resolves itself; the signed-in library is loaded at run time from /vendor.
      'import/no-unresolved': ['error', { ignore: ['^/vendor/'] }],
    },
  },
  {
    files: ['eng/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
  },
];
