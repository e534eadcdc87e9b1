/** Escapes text for XML element content and attribute values. */
export const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

export const xmlResponse = (body: string, type = 'application/xml') =>
  new Response(body, { headers: { 'content-type': `${type}; charset=utf-8` } })
