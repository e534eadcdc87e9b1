import { z } from 'zod'

/** The plain block format sample files and spreadsheets use for rich text. */
export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['h2', 'h3', 'p', 'quote']), text: z.string().min(1) }),
  z.object({ type: z.enum(['ul', 'ol']), items: z.array(z.string().min(1)).min(1) }),
])
export type Block = z.infer<typeof blockSchema>

const base = { format: '' as const, indent: 0, version: 1, direction: 'ltr' as const }
const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})
const paragraph = (value: string) => ({
  ...base,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children: [text(value)],
})

function blockToNode(block: Block) {
  switch (block.type) {
    case 'p':
      return paragraph(block.text)
    case 'h2':
    case 'h3':
      return { ...base, type: 'heading', tag: block.type, children: [text(block.text)] }
    case 'quote':
      return { ...base, type: 'quote', children: [text(block.text)] }
    case 'ul':
    case 'ol':
      return {
        ...base,
        type: 'list',
        listType: block.type === 'ul' ? 'bullet' : 'number',
        tag: block.type,
        start: 1,
        children: block.items.map((item, i) => ({ ...base, type: 'listitem', value: i + 1, children: [text(item)] })),
      }
  }
}

/** A Lexical editor state (the JSON Payload stores for richText fields) built from plain blocks. */
export function blocksToLexical(blocks: Block[]) {
  return { root: { ...base, type: 'root', children: blocks.map(blockToNode) } }
}
