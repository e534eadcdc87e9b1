/**
 * Runs the fake Tencent Cloud SMS API for the e2e platform (start-platform.sh starts it, then `npm start` with
 * e2eSmsEnv): `node tests/e2e/smsFake.ts` prints the settings to export and serves until stopped.
 */
import { startFakeTencentSms } from '../helpers/fakeTencentSms.ts'
import { E2E_SMS_KEYS, E2E_SMS_PORT, e2eSmsEnv } from './sms.ts'

const server = await startFakeTencentSms({ ...E2E_SMS_KEYS, port: E2E_SMS_PORT })
// One write, after the server listens: the script waits for this output before starting the platform.
if (process.argv.includes('--env')) {
  process.stdout.write(
    Object.entries(e2eSmsEnv)
      .map(([key, value]) => `export ${key}='${value}'\n`)
      .join(''),
  )
}
process.stderr.write(`fake SMS provider on ${server.url}\n`)
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => void server.close().then(() => process.exit(0)))
