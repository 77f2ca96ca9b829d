import { createTransport } from 'nodemailer';
import type { QueuedReceipt, Storage } from '../storage/storage.js';
import { BackgroundTask } from '../background.js';
import { receiptMessage, type ReceiptMessage } from './receipt.js';

/** Hands messages to a mail server: nodemailer's SMTP transport in the server. */
export interface MailTransport {
  send(message: ReceiptMessage & { to: string; replyTo?: string }): Promise<void>;
  /** Closes the connections it keeps open. */
  close(): void;
}

export interface ReceiptSenderOptions {
  /** How long to wait before the second try; each later wait is twice the one before, up to six hours. */
  retryMs: number;
  /** Tries before a receipt is given up on and shown to moderators as failed. */
  attempts: number;
  /** How often to look for receipts due again, besides the nudge of each new one. */
  pollMs: number;
}

/** How long a try may take before another instance may try the same receipt. */
const leaseMs = 2 * 60_000;
const longestWaitMs = 6 * 3_600_000;
/** How long shutting down waits for a try under way: the server's own deadline is what counts. */
const stopWaitMs = 1000;
/** Receipts taken from the outbox at a time, and sent at once over that many connections at most. */
const batch = 20;
const concurrency = 4;

/** The transport for `SMTP_URL`, with `MAIL_FROM` as the sender. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  // Short timeouts: a mail server that does not answer only delays the next try, never a response.
  // A pool: receipts of a busy hour share a few connections rather than opening one each.
  const transport = createTransport(
    { url: smtpUrl, pool: true, maxConnections: concurrency, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from },
  );
  return {
    send: async (message) => {
      await transport.sendMail({ ...message, headers: { 'Auto-Submitted': 'auto-generated' } });
    },
    close: () => transport.close(),
  };
}

/**
 * Mails the receipts waiting in the outbox: each as soon as it is queued, and again, with growing
 * waits, while the mail server refuses or cannot be reached. Nothing here is on a request's path:
 * responses are stored whatever the mail server does. Several instances may share one outbox; each
 * receipt is taken by one of them at a time.
 */
export class ReceiptSender {
  readonly #task: BackgroundTask;

  constructor(
    private readonly storage: Storage,
    private readonly mail: MailTransport,
    private readonly options: ReceiptSenderOptions,
  ) {
    this.#task = new BackgroundTask(() => this.#sendDue(), options.pollMs, 'the receipts could not be read');
  }

  start(): void {
    this.nudge();
  }

  /** Looks for due receipts now: called when a new one is queued. */
  nudge(): void {
    this.#task.nudge();
  }

  /**
   * Stops looking, gives a try under way a moment to finish, and closes the connections. A try cut
   * short leaves its receipt taken only for a while: it is tried again later, by this instance or another.
   */
  async stop(): Promise<void> {
    await this.#task.stop(stopWaitMs);
    this.mail.close();
  }

  async #sendDue(): Promise<void> {
    for (;;) {
      const due = await this.storage.dueReceipts(new Date().toISOString(), batch);
      if (!due.length || this.#task.stopped) return;
      const worker = async () => {
        for (let receipt = due.shift(); receipt && !this.#task.stopped; receipt = due.shift()) await this.#sendOne(receipt);
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    }
  }

  async #sendOne(receipt: QueuedReceipt): Promise<void> {
    if (!(await this.storage.claimReceipt(receipt, new Date(Date.now() + leaseMs).toISOString()))) return;
    const comment = await this.storage.find(receipt.commentId);
    if (!comment?.email) {
      await this.storage.settleReceipt(receipt.commentId, { state: 'failed', error: 'The response was deleted or erased first.' });
      return;
    }
    // Mail speaks for the department only about a consultation it set up, under the title it wrote.
    const consultation = await this.storage.getConsultation(comment.page);
    if (!consultation) {
      await this.storage.settleReceipt(receipt.commentId, {
        state: 'failed',
        error: 'The page has no consultation, so no receipt is sent.',
      });
      return;
    }
    try {
      await this.mail.send({
        ...receiptMessage(comment, consultation),
        to: receipt.recipient,
        replyTo: consultation.contactEmail ?? undefined,
      });
      await this.storage.settleReceipt(receipt.commentId, { state: 'sent' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const tries = receipt.attempts + 1;
      const wait = Math.min(this.options.retryMs * 2 ** (tries - 1), longestWaitMs);
      await this.storage.settleReceipt(
        receipt.commentId,
        tries >= this.options.attempts
          ? { state: 'failed', error: reason }
          : { state: 'pending', retryAt: new Date(Date.now() + wait).toISOString(), error: reason },
      );
    }
  }
}
