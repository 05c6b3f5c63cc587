import nodemailer from 'nodemailer';

export interface Message {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** Outbound channels; the scheduler and the CLI build them from the environment, tests point them at local sinks. */
export interface Senders {
  email?: (to: string, message: Message) => Promise<void>;
  webhook?: (url: string, message: Message) => Promise<void>;
}

/** Email through SMTP_URL (e.g. smtp://user:pass@host:587) from MAIL_FROM; none when SMTP_URL is unset. */
export function sendersFromEnv(env: NodeJS.ProcessEnv = process.env): Senders {
  return {
    email: env.SMTP_URL ? emailSender(env.SMTP_URL, env.MAIL_FROM ?? 'nq57@localhost') : undefined,
    webhook: webhookSender(),
  };
}

export function emailSender(smtpUrl: string, from: string): Senders['email'] {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (to, m) => {
    await transport.sendMail({
      from,
      to,
      subject: m.title,
      text: m.link ? `${m.body}\n\n${m.link}` : m.body,
    });
  };
}

/** POSTs the message as JSON (chat platforms' incoming webhooks take `text`); 5 s to answer. */
export function webhookSender(timeoutMs = 5000): Senders['webhook'] {
  return async (url, m) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `${m.title}\n${m.body}`, ...m }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  };
}
