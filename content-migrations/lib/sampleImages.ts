import sharp from 'sharp'

/** Warm palettes for generated sample illustrations (no photos of real people ship with the sample). */
const palettes = [
  ['#f6d365', '#fda085'],
  ['#a1c4fd', '#c2e9fb'],
  ['#fbc2eb', '#a6c1ee'],
  ['#84fab0', '#8fd3f4'],
  ['#ffecd2', '#fcb69f'],
  ['#d4fc79', '#96e6a1'],
  ['#fccb90', '#d57eeb'],
  ['#e0c3fc', '#8ec5fc'],
] as const

/** A small deterministic PRNG so the same seed always draws the same picture. */
function random(seed: number) {
  let s = seed * 2654435761
  return () => {
    s = (s ^ (s >>> 15)) * 2246822507
    s = (s ^ (s >>> 13)) * 3266489909
    s ^= s >>> 16
    return (s >>> 0) / 4294967296
  }
}

export type SampleImageKind = 'scene' | 'portrait'

function sceneSvg(seed: number, width: number, height: number): string {
  const rnd = random(seed + 1)
  const [from, to] = palettes[seed % palettes.length] ?? palettes[0]
  const circles = Array.from({ length: 5 }, () => {
    const r = Math.round(height * (0.08 + rnd() * 0.22))
    return `<circle cx="${Math.round(rnd() * width)}" cy="${Math.round(rnd() * height * 0.7)}" r="${r}" fill="#fff" fill-opacity="${(0.15 + rnd() * 0.3).toFixed(2)}"/>`
  }).join('')
  const hill = `<path d="M0 ${height * 0.75} Q ${width * 0.3} ${height * (0.55 + rnd() * 0.1)} ${width * 0.6} ${height * 0.72} T ${width} ${height * 0.68} V ${height} H 0 Z" fill="#fff" fill-opacity="0.35"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${circles}${hill}</svg>`
}

function portraitSvg(seed: number, size: number): string {
  const [from, to] = palettes[seed % palettes.length] ?? palettes[0]
  const c = size / 2
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${c}" cy="${size * 0.4}" r="${size * 0.17}" fill="#fff" fill-opacity="0.85"/><path d="M ${size * 0.18} ${size} Q ${c} ${size * 0.5} ${size * 0.82} ${size} Z" fill="#fff" fill-opacity="0.85"/></svg>`
}

/** A JPEG illustration: a landscape "scene" (1200×750) or an anonymous "portrait" silhouette (600×600). */
export async function sampleImage(kind: SampleImageKind, seed: number): Promise<Buffer> {
  const svg = kind === 'scene' ? sceneSvg(seed, 1200, 750) : portraitSvg(seed, 600)
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}
