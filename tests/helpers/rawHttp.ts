import net from 'node:net'

export type RawAnswer = {
  /** Everything the server sent, as text. */
  text: string
  /** The status of the first response, or undefined when none came. */
  status: number | undefined
  /** Whether the server closed the connection (within the wait). */
  closed: boolean
}

/**
 * Speaks HTTP/1.1 over a bare socket, bytes as given: what fetch refuses to send (a broken Host, an endless
 * chunked body) reaches the server as written. `more` is called to write further data until the server answers
 * or it returns undefined. Resolves when the server closes the connection or after `waitMs`.
 */
export function rawRequest(
  port: number,
  head: string,
  opts: { more?: (i: number) => Buffer | string | undefined; waitMs?: number } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let text = ''
    let answered = false
    const done = (closed: boolean) => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ text, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]) || undefined, closed })
    }
    const timer = setTimeout(() => done(false), opts.waitMs ?? 5000)
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8')
      answered = true
    })
    socket.on('close', () => done(true))
    socket.on('error', () => undefined) // a reset after the answer still counts as closed
    socket.write(head)
    const { more } = opts
    if (!more) return
    let i = 0
    const feed = () => {
      if (answered || socket.destroyed) return
      const chunk = more(i++)
      if (chunk === undefined) return
      socket.write(chunk, () => setImmediate(feed))
    }
    feed()
  })
}
