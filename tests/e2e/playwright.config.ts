import { defineConfig, devices } from '@playwright/test'
import { E2E_PORT } from './platform.ts'

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], launchOptions: chromium },
      testIgnore: /(admin|publish|impact)\.spec\.ts/,
    },
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions: chromium },
      testMatch: /(admin|roster|preview|publish|impact)\.spec\.ts/,
    },
  ],
  // The whole platform as a user runs it (`npm start`), on a throwaway data directory.
  webServer: {
    command: 'bash start-platform.sh', // runs in this folder; the script moves to the repo root
    url: `http://127.0.0.1:${E2E_PORT}/api/globals/site-settings`,
    timeout: 15 * 60_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
  },
})
