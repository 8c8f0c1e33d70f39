import type { DeliveryRow } from '@segflow/api-contracts';
import { formatRate } from './format';

/** One line of the dashboard's "Delivery by channel" table: a playbook version on one channel. */
export interface ChannelDeliveryLine {
  key: string;
  version: string;
  channel: string;
  sent: number;
  delivered: string;
  replied: string;
  clicked: string;
  bounced: string;
}

/** The figures a send node of a published version shows on the canvas. */
export interface NodeDeliveryBadge {
  text: string;
  title: string;
}

/**
 * The per-channel totals (rows without a node) of `GET /api/dashboards/delivery`, formatted for the dashboard.
 *
 * @example
 * channelDeliveryLines(rows)[0]; // { version: 'Welcome v2', channel: 'email', sent: 40, delivered: '90%', … }
 */
export function channelDeliveryLines(rows: DeliveryRow[]): ChannelDeliveryLine[] {
  return rows
    .filter((r) => r.nodeId === null)
    .map((r) => ({
      key: `${r.playbookId}:${r.playbookVersion}:${r.channel}`,
      version: `${r.playbookName} v${r.playbookVersion}`,
      channel: r.channel,
      sent: r.sent,
      delivered: formatRate(r.rates.delivered),
      replied: formatRate(r.rates.replied),
      clicked: formatRate(r.rates.clicked),
      bounced: formatRate(r.rates.bounced),
    }));
}

/**
 * Canvas badges keyed by node id: "sent · delivered % · reply %" for each node with touches in `rows` (one version).
 *
 * @example
 * deliveryBadgesByNode(rows).intro; // { text: '12 · 83% · 8%', title: '12 sent · 83% delivered · 8% replied' }
 */
export function deliveryBadgesByNode(rows: DeliveryRow[]): Record<string, NodeDeliveryBadge> {
  const badges: Record<string, NodeDeliveryBadge> = {};
  for (const r of rows) {
    if (r.nodeId === null) continue;
    const [delivered, replied] = [formatRate(r.rates.delivered), formatRate(r.rates.replied)];
    badges[r.nodeId] = {
      text: `${r.sent} · ${delivered} · ${replied}`,
      title: `${r.sent} sent · ${delivered} delivered · ${replied} replied`,
    };
  }
  return badges;
}
