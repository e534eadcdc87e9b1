import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'
import type { Env } from '../env.ts'

const fromName = '福家'
/** The adapter's name when SMTP is not configured and messages only go to the log. */
export const LOGGING_EMAIL_ADAPTER = 'log'

/** Payload's email goes through SMTP when it is configured; otherwise each message is written to the log. */
export function emailAdapter(env: Env): EmailAdapter {
  if (env.SMTP_HOST && env.SMTP_FROM) {
    const transport = nodemailer.createTransport({
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_PORT === 465,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
    })
    const from = env.SMTP_FROM
    return () => ({
      name: 'smtp',
      defaultFromAddress: from,
      defaultFromName: fromName,
      sendEmail: (message) => transport.sendMail({ from: { name: fromName, address: from }, ...message }),
    })
  }
  return ({ payload }) => ({
    name: LOGGING_EMAIL_ADAPTER,
    defaultFromAddress: 'noreply@fujia.local',
    defaultFromName: fromName,
    sendEmail: async (message) => {
      payload.logger.info({
        msg: `email (not sent: SMTP is not configured) to ${String(message.to)}: ${message.subject}`,
      })
      return { logged: true }
    },
  })
}
