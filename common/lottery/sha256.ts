/**
 * SHA-256 and HMAC-SHA256 in plain TypeScript (FIPS 180-4, RFC 2104), synchronous and identical in Node and in
 * any browser: the draw and its verifier run the same code, and a parent's phone needs no Web Crypto (which is
 * missing on plain-http pages) and no promise per entry. Checked against node:crypto in the unit tests.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

const W = new Uint32Array(64)

/** Mixes the 64-byte blocks of `data` (from `offset`, `blocks` of them) into `state`. */
function compress(state: Uint32Array, data: Uint8Array, offset: number, blocks: number): void {
  for (let b = 0; b < blocks; b++) {
    const base = offset + b * 64
    for (let i = 0; i < 16; i++) {
      const j = base + i * 4
      W[i] =
        ((data[j] as number) << 24) |
        ((data[j + 1] as number) << 16) |
        ((data[j + 2] as number) << 8) |
        (data[j + 3] as number)
    }
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15] as number
      const w2 = W[i - 2] as number
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)
      W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0
    }
    let a = state[0] as number
    let bb = state[1] as number
    let c = state[2] as number
    let d = state[3] as number
    let e = state[4] as number
    let f = state[5] as number
    let g = state[6] as number
    let h = state[7] as number
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = (e & f) ^ (~e & g)
      const t1 = (h + S1 + ch + (K[i] as number) + (W[i] as number)) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & bb) ^ (a & c) ^ (bb & c)
      const t2 = (S0 + maj) | 0
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = bb
      bb = a
      a = (t1 + t2) | 0
    }
    state[0] = ((state[0] as number) + a) | 0
    state[1] = ((state[1] as number) + bb) | 0
    state[2] = ((state[2] as number) + c) | 0
    state[3] = ((state[3] as number) + d) | 0
    state[4] = ((state[4] as number) + e) | 0
    state[5] = ((state[5] as number) + f) | 0
    state[6] = ((state[6] as number) + g) | 0
    state[7] = ((state[7] as number) + h) | 0
  }
}

/** Hashes `data` continuing from `state` after `prefixBytes` bytes already mixed in (whole blocks). */
function finish(start: ArrayLike<number>, prefixBytes: number, data: Uint8Array): Uint8Array {
  const state = new Uint32Array(start)
  const whole = data.length >>> 6
  compress(state, data, 0, whole)
  const rest = data.length - whole * 64
  const tail = new Uint8Array(rest < 56 ? 64 : 128)
  for (let i = 0; i < rest; i++) tail[i] = data[whole * 64 + i] as number
  tail[rest] = 0x80
  const bits = (prefixBytes + data.length) * 8
  const high = Math.floor(bits / 0x100000000)
  const low = bits >>> 0
  const end = tail.length
  tail[end - 8] = high >>> 24
  tail[end - 7] = (high >>> 16) & 0xff
  tail[end - 6] = (high >>> 8) & 0xff
  tail[end - 5] = high & 0xff
  tail[end - 4] = low >>> 24
  tail[end - 3] = (low >>> 16) & 0xff
  tail[end - 2] = (low >>> 8) & 0xff
  tail[end - 1] = low & 0xff
  compress(state, tail, 0, end >>> 6)
  const out = new Uint8Array(32)
  for (let i = 0; i < 8; i++) {
    const word = state[i] as number
    out[i * 4] = word >>> 24
    out[i * 4 + 1] = (word >>> 16) & 0xff
    out[i * 4 + 2] = (word >>> 8) & 0xff
    out[i * 4 + 3] = word & 0xff
  }
  return out
}

const encoder = new TextEncoder()

export const utf8 = (text: string): Uint8Array => encoder.encode(text)

export const sha256 = (data: Uint8Array | string): Uint8Array =>
  finish(INITIAL, 0, typeof data === 'string' ? utf8(data) : data)

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** Lower-case hex, built with join: a flat string, cheap to compare (concatenated ropes sort many times slower). */
export function toHex(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length)
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX[bytes[i] as number] as string
  return parts.join('')
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new Error('not lower-case hex')
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

export const sha256Hex = (data: Uint8Array | string): string => toHex(sha256(data))

/**
 * HMAC-SHA256 under one key, with the key's inner and outer blocks mixed once: ranking 30,000 entry codes under
 * the same seed costs two block compressions each instead of four.
 */
export function hmacSha256(key: Uint8Array): (message: Uint8Array | string) => Uint8Array {
  const block = new Uint8Array(64)
  block.set(key.length > 64 ? sha256(key) : key)
  const inner = new Uint8Array(64)
  const outer = new Uint8Array(64)
  for (let i = 0; i < 64; i++) {
    inner[i] = (block[i] as number) ^ 0x36
    outer[i] = (block[i] as number) ^ 0x5c
  }
  const innerState = new Uint32Array(INITIAL)
  compress(innerState, inner, 0, 1)
  const outerState = new Uint32Array(INITIAL)
  compress(outerState, outer, 0, 1)
  return (message) => {
    const bytes = typeof message === 'string' ? utf8(message) : message
    return finish(outerState, 64, finish(innerState, 64, bytes))
  }
}
