import { messageIdFor, messageIdsIn } from './message-id';

describe('message ids', () => {
  it('derive a stable RFC 5322 id from the idempotency key', () => {
    const id = messageIdFor('3f0c9a1e-0000-4000-8000-000000000001:send 1/é:2', 'mail.segflow.test');
    expect(id).toBe(messageIdFor('3f0c9a1e-0000-4000-8000-000000000001:send 1/é:2', 'mail.segflow.test'));
    expect(id).toMatch(/^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@mail\.segflow\.test>$/);
  });

  it('are read back from threading headers', () => {
    expect(messageIdsIn('<a@x>\r\n <b.c@y>')).toEqual(['a@x', 'b.c@y']);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
});
