import type { DeliveryRow } from '@segflow/api-contracts';
import { channelDeliveryLines, deliveryBadgesByNode } from './delivery-figures';

const counts = {
  queued: 0,
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  replied: 0,
  bounced: 0,
  failed: 0,
  suppressed: 0,
};
const noRates = {
  delivered: null,
  opened: null,
  clicked: null,
  replied: null,
  bounced: null,
  failed: null,
  suppressed: null,
};
const row = (fields: Partial<DeliveryRow>): DeliveryRow => ({
  playbookId: 'p1',
  playbookName: 'Welcome',
  playbookVersion: 2,
  channel: 'email',
  nodeId: null,
  touches: 0,
  sent: 0,
  attempted: 0,
  byStatus: counts,
  rates: noRates,
  ...fields,
});

describe('channelDeliveryLines', () => {
  it('keeps the per-channel totals of each version and formats their rates', () => {
    const rows = [
      row({ sent: 12, rates: { ...noRates, delivered: 10 / 12, replied: 1 / 12, clicked: 0.25, bounced: 0 } }),
      row({ nodeId: 'intro', sent: 12 }),
      row({ playbookVersion: 1, channel: 'whatsapp' }),
    ];
    expect(channelDeliveryLines(rows)).toEqual([
      {
        key: 'p1:2:email',
        version: 'Welcome v2',
        channel: 'email',
        sent: 12,
        delivered: '83%',
        replied: '8%',
        clicked: '25%',
        bounced: '0%',
      },
      {
        key: 'p1:1:whatsapp',
        version: 'Welcome v1',
        channel: 'whatsapp',
        sent: 0,
        delivered: '—',
        replied: '—',
        clicked: '—',
        bounced: '—',
      },
    ]);
  });
});

describe('deliveryBadgesByNode', () => {
  it('gives each node with touches sent · delivered % · reply %, and none to the channel totals', () => {
    const badges = deliveryBadgesByNode([
      row({ sent: 12 }),
      row({ nodeId: 'intro', sent: 12, rates: { ...noRates, delivered: 10 / 12, replied: 1 / 12 } }),
    ]);
    expect(badges).toEqual({ intro: { text: '12 · 83% · 8%', title: '12 sent · 83% delivered · 8% replied' } });
  });
});
