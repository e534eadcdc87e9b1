import type {
  CollectionAfterOperationHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  GlobalConfig,
  Payload,
} from 'payload'
import { siteBuildStore } from './buildState/index.ts'

/**
 * Marking the site stale. Every change to something the site shows records a request in the `site-build`
 * global; the rebuild worker (cms/publishing/worker.ts) builds once things have been quiet for a moment.
 *
 * Collections use `afterOperation` rather than `afterChange`: only the operation's arguments tell a draft save
 * (or autosave) of a published document — which leaves the site as it is — from an unpublish. Payload passes
 * neither `draft` nor `autosave` to afterChange, and its `previousDoc` is the latest version, not what is live.
 * Scheduled publishes run `payload.update` from a job, so they come through here too.
 *
 * Bulk scripts may pass `context: { skipSiteBuild: true }` and request one build at the end.
 */

/** Lets the rebuild worker of this process react at once instead of at its next poll (a hint, not a lock). */
const NUDGE = Symbol.for('fujia.siteBuild.nudge')
type Nudgeable = { [NUDGE]?: () => void }
export const setNudgeHandler = (handler: (() => void) | undefined) => {
  ;(globalThis as Nudgeable)[NUDGE] = handler
}

/** Records "site requested at <now>". Never throws: a publish must not fail because the rebuild is not noted. */
export async function requestSiteBuild(payload: Payload, reason: string): Promise<void> {
  try {
    await siteBuildStore(payload).request(new Date())
    ;(globalThis as Nudgeable)[NUDGE]?.()
  } catch (error) {
    payload.logger.error({ err: error, msg: `Could not request a site build after ${reason}` })
  }
}

type Status = { _status?: string | null } | null | undefined
type WriteArgs = { draft?: boolean; autosave?: boolean; data?: Status }

const writes = new Set(['create', 'update', 'updateByID', 'delete', 'deleteByID', 'restoreVersion'])
const docsOf = (result: unknown): Status[] =>
  result && typeof result === 'object' && Array.isArray((result as { docs?: unknown }).docs)
    ? (result as { docs: Status[] }).docs
    : [result as Status]

/** Whether an operation on a collection with drafts leaves what the site shows unchanged. */
function leavesPublishedUntouched(operation: string, args: WriteArgs, result: unknown): boolean {
  // Saving a draft (autosave included) only writes a version; Payload treats `_status: 'published'` as publishing.
  if ((args.draft || args.autosave) && operation !== 'delete' && operation !== 'deleteByID') {
    return args.data?._status !== 'published'
  }
  const docs = docsOf(result)
  // A document created as a draft, or deleted while unpublished, was never on the site.
  if (operation === 'create' || operation === 'delete' || operation === 'deleteByID') {
    return docs.every((doc) => doc?._status === 'draft')
  }
  return false
}

/**
 * `onCreate: false` for collections whose documents reach the site only through other documents (uploads): a new
 * one is shown by nothing yet, and the page that uses it requests its own build when published. Otherwise an
 * editor's cover upload would start a full build that the article's publish, a minute later, must wait out.
 */
const requestSiteBuildAfterOperation =
  ({ onCreate }: { onCreate: boolean }): CollectionAfterOperationHook =>
  async ({ args, collection, operation, req, result }) => {
    if (!writes.has(operation) || req.context?.skipSiteBuild) return
    if (operation === 'create' && !onCreate) return
    if (collection.versions?.drafts && leavesPublishedUntouched(operation, args as WriteArgs, result)) return
    await requestSiteBuild(req.payload, `${collection.slug} ${operation}`)
  }

export const requestSiteBuildAfterGlobalChange: GlobalAfterChangeHook = async ({ global, req }) => {
  if (req.context?.skipSiteBuild) return
  await requestSiteBuild(req.payload, `${global.slug} update`)
}

/** Registration for the collections the site shows: `hooks: { ...otherHooks, ...marksSiteStale() }` (fresh arrays each). */
export const marksSiteStale = ({ onCreate = true }: { onCreate?: boolean } = {}) =>
  ({ afterOperation: [requestSiteBuildAfterOperation({ onCreate })] }) satisfies CollectionConfig['hooks']

/** Registration for the globals the site shows: `hooks: globalMarksSiteStale()`. */
export const globalMarksSiteStale = () =>
  ({ afterChange: [requestSiteBuildAfterGlobalChange] }) satisfies GlobalConfig['hooks']
