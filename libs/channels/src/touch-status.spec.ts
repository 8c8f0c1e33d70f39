import { nextTouchStatus, touchStatusOfEvent } from './touch-status';

describe('touch status', () => {
  it('moves forward only', () => {
    expect(nextTouchStatus('queued', 'sent')).toBe('sent');
    expect(nextTouchStatus('opened', 'delivered')).toBe('opened');
    expect(nextTouchStatus('delivered', 'replied')).toBe('replied');
  });

  it('ends at bounced, failed or suppressed, except that a reply is never undone', () => {
    expect(nextTouchStatus('delivered', 'bounced')).toBe('bounced');
    expect(nextTouchStatus('bounced', 'opened')).toBe('bounced');
    expect(nextTouchStatus('replied', 'bounced')).toBe('replied');
  });

  it('maps events to the status they imply', () => {
    expect(touchStatusOfEvent('whatsapp_read')).toBe('opened');
    expect(touchStatusOfEvent('email_bounce')).toBe('bounced');
    expect(touchStatusOfEvent('page_view')).toBeNull();
  });
});
