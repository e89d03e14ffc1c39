// Lint rules, including the import boundaries of ARCHITECTURE.md: the domain knows no SDK,
// and each SDK (botbuilder, restify, ioredis) is imported by exactly one adapter folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const sdk = (names) =>
  names.map((name) => ({ name, message: `${name} may only be imported in its adapter folder` }));
const sdkPatterns = ['botbuilder-*', 'botframework-*'];
const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths,
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'SDK import outside its adapter folder',
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'build/**', 'coverage/**', '.data/**', 'manifest/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'cards/**/*.ts'],
    ignores: ['src/adapters/botbuilder/**', 'src/adapters/redis/**', 'src/http/**'],
    rules: restrict(sdk(['restify', 'ioredis', 'botbuilder']), sdkPatterns),
  },
  { files: ['src/adapters/botbuilder/**/*.ts'], rules: restrict(sdk(['restify', 'ioredis'])) },
  { files: ['src/adapters/redis/**/*.ts'], rules: restrict(sdk(['restify', 'botbuilder']), sdkPatterns) },
  { files: ['src/http/**/*.ts'], rules: restrict(sdk(['ioredis', 'botbuilder']), sdkPatterns) },
  {
    // The domain is pure: it imports only itself and small pure libraries.
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      [
        ...sdk(['restify', 'ioredis', 'botbuilder']),
        { name: 'pino', message: 'the domain does not log' },
        { name: 'fs', message: 'the domain does no I/O' },
        { name: 'node:fs', message: 'the domain does no I/O' },
        { name: 'node:fs/promises', message: 'the domain does no I/O' },
      ],
      [
        ...sdkPatterns,
        '**/app/**',
        '**/adapters/**',
        '**/http/**',
        '**/ports/**',
        '**/config/**',
        '**/i18n/**',
      ],
    ),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict(sdk(['restify', 'ioredis', 'botbuilder']), [
      ...sdkPatterns,
      '**/adapters/**',
      '**/http/**',
    ]),
  },
  {
    files: ['cards/**/*.ts'],
    rules: restrict(sdk(['restify', 'ioredis', 'botbuilder']), [
      ...sdkPatterns,
      '**/adapters/**',
      '**/http/**',
      '**/app/**',
      '**/ports/**',
    ]),
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
