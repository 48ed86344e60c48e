module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests/miniprogram'],
  testMatch: ['**/*.test.js'],
  setupFilesAfterEnv: ['<rootDir>/tests/miniprogram/setup.js'],
  reporters: ['default', '<rootDir>/tests/miniprogram/summary-reporter.js'],
  testTimeout: 30000,
}
