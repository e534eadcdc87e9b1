/**
 * Text as people type it, checked at every boundary. Control characters and bidirectional overrides have no
 * place in a name, title or note: they truncate (NUL), reorder what a reader sees (RLO), forge log lines
 * (newline, ANSI escapes) or hide text. Tab and line breaks stay allowed where a field holds several lines.
 */
const forbidden = /(?![\t\n\r])\p{Cc}|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u
const lineBreaks = /[\t\n\r]/

export const FORBIDDEN_TEXT_MESSAGE = '包含不可见的控制字符，请删除后重新输入'

/** True when `text` holds a character no field accepts (or, for a single-line field, a tab or line break). */
export const hasForbiddenCharacters = (text: string, { multiline = false } = {}): boolean =>
  forbidden.test(text) || (!multiline && lineBreaks.test(text))

/**
 * Full-width letters, digits and spaces (what Chinese input methods type, e.g. "１３８ ００１３") as their ASCII
 * forms, for values such as phone numbers and codes.
 */
export const foldFullWidth = (text: string): string =>
  text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
