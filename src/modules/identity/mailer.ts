import nodemailer from 'nodemailer';
import type { Db } from '../../db/database.ts';
import { type IdentityOptions, usesDevOutbox } from './identity-options.ts';
import { sessionsRepository } from './sessions.repository.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (mail: Mail) => Promise<void>;

/**
 * SMTP when SMTP_URL is set; otherwise, outside production, the development outbox (table dev_mail,
 * GET /api/dev/mail) and a log line, so reset links can be followed on a machine with no mail server.
 * In production without SMTP nothing is sent or kept: a stored link would let an administrator take
 * over someone else's account.
 */
export function createMailer(db: Db, options: IdentityOptions, log: (msg: string) => void): SendMail {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return async (mail) => {
      await transport.sendMail({ from: options.mailFrom, ...mail });
    };
  }
  if (!usesDevOutbox(options)) {
    return async (mail) => log(`mail NOT sent (set SMTP_URL): "${mail.subject}" to ${mail.to}`);
  }
  return async (mail) => {
    await sessionsRepository(db).saveDevMail(mail);
    log(`dev mail outbox: "${mail.subject}" to ${mail.to} (read it at GET /api/dev/mail)`);
  };
}
