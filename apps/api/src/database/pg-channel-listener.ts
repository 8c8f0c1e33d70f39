import { listen } from '@segflow/stores';
import { Client } from 'pg';

export interface PgChannelListenerOptions {
  connectionString: string;
  channel: string;
  /** Shown in `pg_stat_activity`, so operators (and tests) can find the listening connection. */
  applicationName: string;
  /**
   * Called with the payload of every notification, and with `null` after every (re)connect: a notification sent
   * while the connection was down is lost, so a reconnect must make the caller look for what it may have missed.
   */
  onWake: (payload: string | null) => void;
  /** Called when the connection fails or drops (it is retried with back-off). */
  onLost: (error: Error) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * A dedicated PostgreSQL connection that LISTENs on one channel and stays connected: a dropped or failed
 * connection is retried with exponential back-off (from `minBackoffMs` up to `maxBackoffMs`), and every
 * successful connect wakes the caller once to catch up.
 */
export class PgChannelListener {
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private backoffMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly options: PgChannelListenerOptions) {
    this.minBackoffMs = options.minBackoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.backoffMs = this.minBackoffMs;
  }

  /** Starts listening; resolves once the first attempt has listened or failed (it keeps retrying after a failure). */
  start(): Promise<void> {
    return new Promise((settled) => this.connect(settled));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(settled: () => void = () => undefined): void {
    if (this.stopped) return settled();
    const { connectionString, channel, applicationName } = this.options;
    // keepAlive: a peer that vanishes without a reset (network partition) is noticed by TCP, not only at the next query.
    const client = new Client({ connectionString, application_name: applicationName, keepAlive: true });
    let lost = false;
    const onLost = (error: Error) => {
      if (lost) return;
      lost = true;
      settled();
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.options.onLost(error);
      const delay = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
      this.retry = setTimeout(() => this.connect(), delay);
    };
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('listening connection closed')));
    client.on('notification', (message) => {
      if (message.channel === channel) this.options.onWake(message.payload ?? '');
    });
    this.client = client;
    client
      .connect()
      .then(() => listen(client, channel))
      .then(() => {
        settled();
        if (lost || this.stopped) return;
        this.backoffMs = this.minBackoffMs;
        this.options.onWake(null);
      }, onLost);
  }
}
