import type { Access } from 'payload'

/** Public read of content that has no unpublished state. */
export const anyone: Access = () => true
