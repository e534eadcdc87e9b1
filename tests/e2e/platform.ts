/** Several engineers may run the suite at once: each picks a port (E2E_PORT) and gets its own data directory. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
export const E2E_ADMIN = { email: 'e2e-admin@fujia.local', password: 'e2e-admin-password' }
