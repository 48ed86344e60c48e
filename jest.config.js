module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests/miniprogram'],
  testMatch: ['**/*.test.js'],
  setupFilesAfterEnv: ['<rootDir>/tests/miniprogram/setup.js'],
  testTimeout: 30000,
}
