import type http from 'node:http'
import { getPayload, type SanitizedConfig } from 'payload'
import { countPageView } from './index.ts'

/**
 * The Node server's page view counter: given each site request the server answered with a page, counts it by the
 * rules in rules.ts on the Payload instance registered under `key`. Fire and forget: the reader never waits for it,
 * and nothing is set on the response (no cookie, no header).
 */
export function pageViewCounter(config: SanitizedConfig, key?: string) {
  return (req: http.IncomingMessage) => {
    void getPayload({ config, key })
      .then((payload) =>
        countPageView(payload, {
          method: req.method,
          url: req.url ?? '/',
          header: (name) => {
            const value = req.headers[name]
            return Array.isArray(value) ? value.join(', ') : value
          },
        }),
      )
      .catch(() => undefined)
  }
}
