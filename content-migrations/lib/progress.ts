/** A one-line progress bar on an interactive terminal; silent when output is piped (CI logs stay readable). */
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const interactive = Boolean(stream.isTTY) && total > 0
  let done = 0
  const draw = () => {
    const width = 30
    const filled = Math.round((done / total) * width)
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`)
  }
  return {
    tick() {
      done++
      if (interactive) draw()
    },
    finish() {
      if (interactive) stream.write('\n')
    },
  }
}
