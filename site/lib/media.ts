import { z } from 'astro/zod'

/** Where uploads are served: the server maps `data/media` to this path. The one place that knows it. */
export const MEDIA_BASE = '/media/'

export const mediaUrl = (filename: string): string => `${MEDIA_BASE}${encodeURIComponent(filename)}`

const variantNames = ['thumbnail', 'card', 'hero'] as const
export type VariantName = (typeof variantNames)[number]

const dimension = z.number().int().positive()
export const imageVariantSchema = z.object({ src: z.string(), width: dimension, height: dimension })
export type ImageVariant = z.infer<typeof imageVariantSchema>

/** An image as the site stores it: ready to print, no Payload shapes left. */
export const imageSchema = z.object({
  alt: z.string(),
  caption: z.string().optional(),
  /** The uploaded original (converted to WebP by Payload). */
  original: imageVariantSchema,
  /** Payload's generated sizes; missing when the original was too small to produce them. */
  sizes: z.partialRecord(z.enum(variantNames), imageVariantSchema),
})
export type Image = z.infer<typeof imageSchema>

const rawSize = z
  .object({ filename: z.string().nullish(), width: z.number().nullish(), height: z.number().nullish() })
  .nullish()

/** A media document as Payload returns it (populated upload field). */
export const rawMediaSchema = z.object({
  id: z.union([z.string(), z.number()]),
  alt: z.string().nullish(),
  caption: z.string().nullish(),
  filename: z.string().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
  sizes: z.partialRecord(z.enum(variantNames), rawSize).nullish(),
})
export type RawMedia = z.infer<typeof rawMediaSchema>

const toVariant = (size: z.infer<typeof rawSize>): ImageVariant | undefined =>
  size?.filename && size.width && size.height
    ? { src: mediaUrl(size.filename), width: size.width, height: size.height }
    : undefined

/** Shapes a media document for the site; undefined when it has no usable file. */
export function toImage(media: RawMedia): Image | undefined {
  const original = toVariant(media)
  if (!original) return undefined
  const sizes: Image['sizes'] = {}
  for (const name of variantNames) {
    const variant = toVariant(media.sizes?.[name])
    if (variant) sizes[name] = variant
  }
  return { alt: media.alt?.trim() ?? '', caption: media.caption?.trim() || undefined, original, sizes }
}

/**
 * An upload field as the loader receives it: a populated media document, or only an ID when it could not be
 * populated (deleted or unreadable), or nothing. Parses to an Image or undefined.
 */
export const uploadField = z
  .union([rawMediaSchema, z.string(), z.number()])
  .nullish()
  .transform((value) => (value && typeof value === 'object' ? toImage(value) : undefined))

export const uploadListField = z
  .array(z.union([rawMediaSchema, z.string(), z.number()]).nullish())
  .nullish()
  .transform((list) =>
    (list ?? []).flatMap((value) => {
      const image = value && typeof value === 'object' ? toImage(value) : undefined
      return image ? [image] : []
    }),
  )

export type ImageAttributes = {
  src: string
  srcset?: string
  sizes?: string
  width: number
  height: number
  alt: string
}

/** How wide each kind of image is drawn, for `sizes` (the layout's max content width is 72rem ≈ 1152px). */
const drawnWidths: Record<VariantName, string> = {
  thumbnail: '(min-width: 40rem) 10rem, 33vw',
  card: '(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw',
  hero: '(min-width: 48rem) 46rem, 100vw',
}

/**
 * The attributes of an <img>: the named size as `src` (with its own width/height, so the box is reserved),
 * and every available file in `srcset` so the browser picks what the screen needs. Cropped and uncropped sizes
 * mix in the srcset; the stylesheet draws images with `object-fit: cover` in the reserved box.
 */
export function imageAttributes(image: Image, variant: VariantName): ImageAttributes {
  const main = image.sizes[variant] ?? image.sizes.card ?? image.sizes.hero ?? image.original
  const candidates = new Map<number, string>()
  for (const v of [image.sizes.thumbnail, image.sizes.card, image.sizes.hero, image.original]) {
    // Never offer files larger than the hero size for a card, nor a thumbnail for a hero.
    if (!v || candidates.has(v.width)) continue
    if (variant !== 'hero' && v.width > (image.sizes.hero?.width ?? 1280)) continue
    if (variant === 'hero' && v.width < 600) continue
    candidates.set(v.width, v.src)
  }
  const srcset =
    candidates.size > 1
      ? [...candidates]
          .sort(([a], [b]) => a - b)
          .map(([w, src]) => `${src} ${w}w`)
          .join(', ')
      : undefined
  return {
    src: main.src,
    srcset,
    sizes: srcset ? drawnWidths[variant] : undefined,
    width: main.width,
    height: main.height,
    alt: image.alt,
  }
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The same <img> as components/Image.astro, as a string (for rich text converted at load time). */
export function imageHTML(image: Image, variant: VariantName, className = 'img'): string {
  const a = imageAttributes(image, variant)
  const attrs: [string, string | number | undefined][] = [
    ['class', className],
    ['src', a.src],
    ['srcset', a.srcset],
    ['sizes', a.sizes],
    ['width', a.width],
    ['height', a.height],
    ['alt', a.alt],
    ['loading', 'lazy'],
    ['decoding', 'async'],
  ]
  return `<img ${attrs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${escapeAttr(String(v))}"`)
    .join(' ')}>`
}
