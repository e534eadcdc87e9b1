/** Page views per page per Beijing day, shared by every server process (cms/collections/PageViews). */
export interface PageViewStore {
  /** Adds one view of `path` on `day` (an atomic upsert). */
  count(path: string, day: string): Promise<void>
  /** The most-read pages under `prefix` from `fromDay` (inclusive) to `toDay` (exclusive). */
  top(prefix: string, fromDay: string, toDay: string, limit: number): Promise<{ path: string; views: number }[]>
}
