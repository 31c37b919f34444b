import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'test-results/**', 'dashboards/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // push(...xs), Math.max(...xs), f(...list): every item becomes an argument on the stack, and
    // past about 100 k items it overflows (RangeError: Maximum call stack size exceeded), as a
    // whole scan did at 10 M transfers. Loop, reduce, or src/util/array.ts (maxOf, minOf, pushAll).
    // An array literal [...a, ...b] is fine. test/ is left out: fast-check's constantFrom(...xs)
    // takes its few values as arguments.
    files: ['src/**', 'bench/**', 'dashboards/src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message:
            'No spread into call arguments: past ~100 k items it overflows the stack (RangeError). Use a loop, reduce or maxOf/minOf/pushAll (src/util/array.ts).',
        },
      ],
    },
  },
)
