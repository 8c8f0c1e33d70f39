/** Touches by current delivery status (libs/channels `TOUCH_STATUSES`). */
export interface DeliveryStatusCounts {
  queued: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  failed: number;
  suppressed: number;
}

/**
 * Shares of a row's touches, null when the denominator is 0. `delivered` … `bounced` are over `sent` (handed to the
 * provider) and count a touch that went further as having passed the earlier steps (a replied touch was delivered,
 * opened and clicked); `failed` and `suppressed` are over `attempted` (sent, or refused at send time).
 */
export interface DeliveryRates {
  delivered: number | null;
  opened: number | null;
  clicked: number | null;
  replied: number | null;
  bounced: number | null;
  failed: number | null;
  suppressed: number | null;
}

/**
 * One row of `GET /api/dashboards/delivery`: the touches of one node of a playbook version on one channel, or
 * (`nodeId` null) of every node of that version on that channel.
 */
export interface DeliveryRow {
  playbookId: string;
  playbookName: string;
  playbookVersion: number;
  channel: string;
  nodeId: string | null;
  touches: number;
  sent: number;
  attempted: number;
  byStatus: DeliveryStatusCounts;
  rates: DeliveryRates;
}
