import nodemailer from 'nodemailer'

export interface MailMessage {
  to: string
  subject: string
  text: string
}

/** Sends e-mail; one implementation per transport, so tests and a missing server are values too. */
export interface Mailer {
  send(message: MailMessage): Promise<void>
  close(): void
}

/**
 * A mailer over SMTP (`smtp://user:pass@host:port`, `smtps://…` for TLS from the start;
 * nodemailer's URL options such as `?tls.rejectUnauthorized=false` apply).
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl)
  return {
    async send(message) {
      await transport.sendMail({ from, ...message })
    },
    close: () => transport.close(),
  }
}
