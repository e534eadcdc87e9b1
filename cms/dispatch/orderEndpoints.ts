import type { Endpoint } from 'payload'

/** Dispatch endpoints mounted on the orders collection (/api/course-orders/...). */
export const dispatchEndpoints: Endpoint[] = []
