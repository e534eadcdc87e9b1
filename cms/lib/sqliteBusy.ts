/** SQLite refused a statement because another connection holds the lock it needs: safe to try again. */
export const isSqliteBusy = (error: unknown): boolean =>
  /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message ?? error))
