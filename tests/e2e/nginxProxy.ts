import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const NGINX = '/usr/sbin/nginx'
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'
const root = path.resolve(import.meta.dirname, '../..')

export const nginxInstalled = (): boolean => fs.existsSync(NGINX) && fs.existsSync(BROTLI_MODULE)

/** A free loopback port (nginx takes ports by number only). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })

/**
 * deploy/nginx/fujia.conf as an operator installs it, made runnable by an unprivileged test: its documented
 * paths and ports replaced, a self-signed certificate, and pid, logs and temporary files in a directory of its own.
 */
export async function startNginx(opts: { dataDir: string; upstreamPort: number; port: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fujia-nginx-'))
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...['-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
    ],
    { stdio: 'ignore' },
  )
  const { port } = opts
  const plainPort = await freePort()
  const site = fs
    .readFileSync(path.join(root, 'deploy/nginx/fujia.conf'), 'utf8')
    .replaceAll('/etc/ssl/fujia/fullchain.pem', path.join(dir, 'cert.pem'))
    .replaceAll('/etc/ssl/fujia/privkey.pem', path.join(dir, 'key.pem'))
    .replaceAll('/var/log/nginx/', `${dir}/`)
    .replaceAll('/srv/fujia/data', opts.dataDir)
    .replaceAll('/srv/fujia', root)
    .replaceAll('127.0.0.1:3000', `127.0.0.1:${opts.upstreamPort}`)
    .replaceAll('listen 443 ', `listen 127.0.0.1:${port} `)
    .replaceAll('listen 80;', `listen 127.0.0.1:${plainPort};`)
    .replace(/^\s*listen \[::\].*$/gm, '')
  fs.writeFileSync(path.join(dir, 'fujia.conf'), site)
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${path.join(dir, kind)};`)
    .join('\n  ')
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `load_module ${BROTLI_MODULE};
user ${os.userInfo().username};
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')};
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  ${temp}
  include ${path.join(dir, 'fujia.conf')};
}
`,
  )
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  await waitForPort(port, child)
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    accessLog: () => fs.readFileSync(path.join(dir, 'fujia.access.log'), 'utf8'),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGQUIT') // nginx's graceful stop
        await exited
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function waitForPort(port: number, child: ChildProcess) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end()
        resolve(true)
      })
      socket.on('error', () => resolve(false))
    })
    if (open) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('nginx did not listen within 10 s')
}
