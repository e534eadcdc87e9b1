import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

export type ApiServer = {
  url: string
  process: ChildProcess
  /** Everything the process printed so far (stdout and stderr): its log, for tests that read it. */
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts tests/helpers/apiServer.ts as its own process on the given database; resolves once it listens. It trusts
 * X-Forwarded-For (TRUST_PROXY=1, unless `env` says otherwise), so a test can speak for many clients.
 */
export function startApiServer(env: Record<string, string>): Promise<ApiServer> {
  // Node itself with tsx as a loader (not the tsx CLI, which would sit in between): a kill reaches the server.
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/helpers/apiServer.ts')], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DISABLE_PAYLOAD_HMR: 'true',
      API_PORT: '0',
      TRUST_PROXY: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    process.stderr.write(chunk)
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('API server did not start within 180 s')), 180_000)
    child.once('exit', (code) => reject(new Error(`API server exited with ${code}`)))
    child.stdout?.on('data', () => {
      const match = /ready (\d+)/.exec(output)
      if (!match) return
      clearTimeout(timer)
      resolve({
        url: `http://127.0.0.1:${match[1]}`,
        process: child,
        output: () => output,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
  })
}

/** `count` API server processes (two by default) on the SQLite file of a test Payload (startTestPayload), in parallel. */
export function startServersOn(ctx: { dir: string }, count = 2): Promise<ApiServer[]> {
  const env = {
    DATABASE_URI: `file:${path.join(ctx.dir, 'test.db')}`,
    DATA_DIR: ctx.dir,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? '',
  }
  return Promise.all(Array.from({ length: count }, () => startApiServer(env)))
}
