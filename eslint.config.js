// Lint rules that enforce the architecture: a module reaches another only through its index.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/out/**', 'apps/server/drizzle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // A module reaches another only through its index.ts (ARCHITECTURE.md).
  ...[
    ['apps/server/src/modules/*/*.ts', '^\\.\\./[^./][^/]*/'],
    ['apps/web/src/modules/*/*.{ts,tsx}', '^\\.\\./[^./][^/]*/'],
    ['apps/web/src/modules/*/*/*.{ts,tsx}', '^\\.\\./\\.\\./[^./][^/]*/'],
    ['apps/web/src/modules/*/*/*/*.{ts,tsx}', '^\\.\\./\\.\\./\\.\\./[^./][^/]*/'],
  ].map(([glob, regex]) => ({
    files: [glob],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `${regex}(?!index$)`,
              message: 'Import another module only through its index.ts (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  })),
);
