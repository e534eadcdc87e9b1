/** A label in the admin's two languages; Chinese is the default. */
export const t = (zh: string, en: string) => ({ zh, en })

export const TIMEZONE = 'Asia/Shanghai'
