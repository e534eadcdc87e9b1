import type { Field } from 'payload'

/** The order's dispatch fields (offer, lecturer, scheduled session), kept with the dispatch code that writes them. */
export const dispatchFields: Field[] = []
