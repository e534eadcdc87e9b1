import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { anyone } from '../../access/anyone.ts'
import { hasRole } from '../../access/hasRole.ts'
import { dataDir } from '../../paths.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'

const webp = { format: 'webp' as const, options: { quality: 78 } }

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: t('图片', 'Image'), plural: t('图片库', 'Media') },
  admin: { group: t('内容', 'Content'), defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: {
    read: anyone,
    create: hasRole('editor', 'coordinator'),
    update: hasRole('editor', 'coordinator'),
    delete: hasRole('editor', 'coordinator'),
  },
  upload: {
    staticDir: path.join(dataDir, 'media'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    formatOptions: webp,
    resizeOptions: { width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true },
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre', formatOptions: webp },
      { name: 'card', width: 640, height: 400, position: 'centre', formatOptions: webp },
      { name: 'hero', width: 1280, withoutEnlargement: true, formatOptions: webp },
    ],
  },
  hooks: marksSiteStale({ onCreate: false }),
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: t('替代文字', 'Alt text'),
      admin: { description: t('为读屏用户描述图片内容', 'Describe the image for screen-reader users') },
    },
    { name: 'caption', type: 'text', label: t('图片说明', 'Caption') },
  ],
}
