/**
 * Lexical rich text → HTML, done once at load time (content.config.ts stores it as the entry's `rendered.html`).
 * Differences from Payload's default converters:
 * - uploads print the site's <img> (MEDIA_BASE URLs, width/height, srcset, lazy) instead of Payload's /api URLs;
 * - internal links point at the site's pages (a link to something the site does not show becomes plain text);
 * - headings start at `topHeading` (h2 for an article body, h3 for text under a section heading), because the
 *   page title is the only h1;
 * - external links opening in a new tab get rel="noopener noreferrer".
 */
import {
  convertLexicalToHTML,
  defaultHTMLConverters,
  type HTMLConverters,
  LinkHTMLConverter,
} from '@payloadcms/richtext-lexical/html'
import { documentUrl } from '../../common/urls.ts'
import { imageHTML, rawMediaSchema, toImage } from '../lib/media.ts'

type SerializedState = Parameters<typeof convertLexicalToHTML>[0]['data']
type LinkNode = { fields: { doc?: { relationTo?: string; value?: unknown } | null } }

const escapeHTML = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function internalHref({ linkNode }: { linkNode: LinkNode }): string {
  const doc = linkNode.fields.doc
  const value = doc?.value
  const slug = value && typeof value === 'object' ? (value as { slug?: string }).slug : undefined
  return (doc?.relationTo && documentUrl(doc.relationTo, slug)) || ''
}

const linkConverters = LinkHTMLConverter({ internalDocToHref: internalHref as never })

const makeConverters = (topHeading: number): HTMLConverters => ({
  ...defaultHTMLConverters,
  ...linkConverters,
  link: (args) => {
    const html = (linkConverters.link as (a: typeof args) => string)(args)
    // An internal link whose target the public cannot see: keep the words, drop the link.
    if (/^<a[^>]* href=""/.test(html))
      return args.nodesToHTML({ nodes: (args.node as unknown as { children: never[] }).children }).join('')
    return html
  },
  heading: ({ node, nodesToHTML, providedStyleTag }) => {
    const tagLevel = Number(String((node as { tag?: string }).tag).replace('h', '')) || 2
    const level = Math.min(6, Math.max(topHeading, tagLevel + topHeading - 2))
    return `<h${level}${providedStyleTag}>${nodesToHTML({ nodes: (node as unknown as { children: never[] }).children }).join('')}</h${level}>`
  },
  upload: ({ node }) => {
    const parsed = rawMediaSchema.safeParse((node as { value?: unknown }).value)
    const image = parsed.success ? toImage(parsed.data) : undefined
    if (!image) return ''
    const caption = image.caption ? `<figcaption>${escapeHTML(image.caption)}</figcaption>` : ''
    return `<figure class="figure">${imageHTML(image, 'hero', 'img img--hero')}${caption}</figure>`
  },
})

const converters = new Map<number, HTMLConverters>()

const isLexicalState = (value: unknown): value is SerializedState =>
  Boolean(value && typeof value === 'object' && 'root' in value)

/** HTML of a rich-text field; '' when it is empty or missing. */
export function richTextToHTML(value: unknown, topHeading: 2 | 3 = 3): string {
  if (!isLexicalState(value)) return ''
  if (!converters.has(topHeading)) converters.set(topHeading, makeConverters(topHeading))
  return convertLexicalToHTML({ data: value, converters: converters.get(topHeading), disableContainer: true }).trim()
}
