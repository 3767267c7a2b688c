/**
 * Two projects: the server-side suites in Node, and the tab's component suites
 * in jsdom (TSX, compiled to CommonJS for jest; the tab itself is built by Vite).
 */
const tabCompilerOptions = {
  target: 'ES2022',
  module: 'commonjs',
  moduleResolution: 'node10',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  jsx: 'react-jsx',
  strict: true,
  esModuleInterop: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  isolatedModules: true,
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
    },
    {
      displayName: 'tab',
      testEnvironment: '<rootDir>/test/tab/support/jsdomWithNodeEnvironment.js',
      setupFilesAfterEnv: ['@testing-library/jest-dom'],
      roots: ['<rootDir>/test/tab'],
      testMatch: ['**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: tabCompilerOptions }] },
    },
  ],
};
