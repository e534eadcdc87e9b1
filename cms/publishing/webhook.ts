/** Body POSTed to `DEPLOY_WEBHOOK_URL` after each successful site build (split deployments deploy on it). */
export type SiteBuiltEvent = { event: 'site.built'; builtAt: string; durationMs: number }

const TIMEOUT_MS = 10_000

/** Tells a deploy pipeline that a new site is ready. Failures are logged, never thrown: the build stands. */
export async function notifyDeploy(
  url: string,
  build: { finishedAt: Date; durationMs: number },
  log: (message: string) => void,
): Promise<void> {
  const body: SiteBuiltEvent = {
    event: 'site.built',
    builtAt: build.finishedAt.toISOString(),
    durationMs: build.durationMs,
  }
  // Webhook URLs often carry a token: logs name the host only.
  const target = new URL(url).host
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'fujia-site-build' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    await response.body?.cancel()
    if (!response.ok) log(`部署通知失败：${target} 返回 HTTP ${response.status}`)
  } catch (error) {
    log(`部署通知失败：${target}：${(error as Error).message}`)
  }
}
