import { type SampleImageKind, sampleImage } from '../lib/sampleImages.ts'
import { PORTRAITS, portraitName, SCENES, sampleMediaId, sceneName } from '../lib/sampleMedia.ts'
import type { ContentMigration } from '../types.ts'

const alt: Record<SampleImageKind, string> = {
  scene: '示例插图：柔和渐变色背景上的圆形与山丘图案',
  portrait: '示例头像：人物剪影',
}

/** Generated illustrations, so the sample needs no photos of anyone. */
export const sampleMedia: ContentMigration = {
  name: '0003-sample-media',
  sample: true,
  description: '生成示例插图（封面、照片、讲师头像剪影）',
  async up({ payload, dryRun }) {
    const wanted = [
      ...Array.from({ length: SCENES }, (_, i) => ({ name: sceneName(i), kind: 'scene' as const, seed: i })),
      ...Array.from({ length: PORTRAITS }, (_, i) => ({ name: portraitName(i), kind: 'portrait' as const, seed: i })),
    ]
    if (dryRun) return `将生成 ${wanted.length} 张示例插图`
    let created = 0
    for (const image of wanted) {
      if (await sampleMediaId(payload, image.name)) continue
      const data = await sampleImage(image.kind, image.seed)
      await payload.create({
        collection: 'media',
        data: { alt: alt[image.kind] },
        file: { data, mimetype: 'image/jpeg', name: `${image.name}.jpg`, size: data.length },
      })
      created++
    }
    return `生成 ${created} 张示例插图`
  },
}
