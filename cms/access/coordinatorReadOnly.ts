import type { CollectionConfig } from 'payload'
import { hasRole } from './hasRole.ts'
import { nobody } from './nobody.ts'

/** A record the services write (never through the API): coordinators read it, nobody creates, edits or deletes it. */
export const coordinatorReadOnly: CollectionConfig['access'] = {
  read: hasRole('coordinator'),
  create: nobody,
  update: nobody,
  delete: nobody,
}
