/** The signature on messages and calendar files (SMS signatures must be registered, so it is fixed in code). */
export const siteName = '福家'
