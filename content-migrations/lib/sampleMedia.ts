import type { Payload } from 'payload'

/** The id of a generated sample image ("sample-scene-03"), whatever extension the upload pipeline gave it. */
export async function sampleMediaId(payload: Payload, name: string) {
  const { docs } = await payload.find({
    collection: 'media',
    where: { filename: { like: `${name}.` } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]?.id
}

export const sceneName = (n: number) => `sample-scene-${String(n).padStart(2, '0')}`
export const portraitName = (n: number) => `sample-portrait-${String(n).padStart(2, '0')}`
export const SCENES = 20
export const PORTRAITS = 8
