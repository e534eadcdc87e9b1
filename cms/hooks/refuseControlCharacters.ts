import { type CollectionBeforeValidateHook, type GlobalBeforeValidateHook, ValidationError } from 'payload'
import { FORBIDDEN_TEXT_MESSAGE, hasForbiddenCharacters } from '../../common/text.ts'

/** Paths (`a.b.0.c`) of the strings in `value` that hold forbidden characters; rich text and arrays included. */
function badPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return hasForbiddenCharacters(value, { multiline: true }) ? [path.join('.')] : []
  if (Array.isArray(value)) return value.flatMap((item, i) => badPaths(item, [...path, String(i)]))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => badPaths(item, [...path, key]))
  }
  return []
}

const refuse = (data: unknown, scope: { collection?: string; global?: string }) => {
  const paths = badPaths(data)
  if (paths.length) {
    throw new ValidationError({ ...scope, errors: paths.map((path) => ({ path, message: FORBIDDEN_TEXT_MESSAGE })) })
  }
  return data
}

/**
 * Staff input is checked like the public's: a control character or direction override in any text field
 * (titles, names, notes, rich text) is refused with a message naming the field, and nothing is saved.
 */
export const refuseControlCharacters: CollectionBeforeValidateHook = ({ data, collection }) =>
  refuse(data, { collection: collection.slug }) as typeof data

export const refuseControlCharactersInGlobal: GlobalBeforeValidateHook = ({ data, global }) =>
  refuse(data, { global: global.slug }) as typeof data
