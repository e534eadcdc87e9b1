/** What an island that first reads from the API shows until it has an answer: the wait, or why it failed. */
export function Pending({ error }: { error: string }) {
  return (
    <section className="bk" aria-live="polite">
      {error ? (
        <p className="bk-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="note">正在读取邀请……</p>
      )}
    </section>
  )
}
