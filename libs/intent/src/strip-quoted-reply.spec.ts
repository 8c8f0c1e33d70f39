import { stripQuotedReply } from './strip-quoted-reply';

describe('stripQuotedReply', () => {
  it('cuts a Gmail attribution and the quoted lines below it', () => {
    const text =
      'Yes, send the pricing.\n\nOn Mon, 1 Dec 2025 at 10:00, Rahul <rahul@segflow.local> wrote:\n> Shall we talk?\n> Rahul';
    expect(stripQuotedReply(text)).toBe('Yes, send the pricing.');
  });

  it('cuts an attribution Gmail wrapped over two lines', () => {
    const text = 'Theek hai\n\nOn Mon, 1 Dec 2025 at 10:00, Rahul Sharma <\nrahul@segflow.local> wrote:\n> hi';
    expect(stripQuotedReply(text)).toBe('Theek hai');
  });

  it('cuts an Outlook original-message separator and its header block', () => {
    expect(stripQuotedReply('Please call me.\r\n\r\n-----Original Message-----\r\nFrom: Rahul\r\nSent: Monday')).toBe(
      'Please call me.',
    );
    expect(stripQuotedReply('Please call me.\n________________________________\nFrom: Rahul\nSent: Monday')).toBe(
      'Please call me.',
    );
    expect(stripQuotedReply('Please call me.\n\nFrom: Rahul <r@x.in>\nSent: Monday, 1 December\nTo: Asha')).toBe(
      'Please call me.',
    );
  });

  it('drops >-quoted lines interleaved with the answer', () => {
    expect(stripQuotedReply('> Are you free Tuesday?\nYes, after 3 pm.\n> And the budget?\nAround 5 lakh.')).toBe(
      'Yes, after 3 pm.\nAround 5 lakh.',
    );
  });

  it('keeps Hinglish and Hindi replies whole, including a line that merely starts with From:', () => {
    const text =
      'Haan ji, demo kal 11 baje rakh lijiye.\nFrom: next week we will need 20 licences.\nधन्यवाद, हम बात करना चाहेंगे।';
    expect(stripQuotedReply(text)).toBe(text);
  });

  it('cuts the signature from its "-- " delimiter and mobile footers', () => {
    expect(stripQuotedReply('Price list bhej dijiye\n-- \nRamesh Gupta\nGupta Traders, Indore')).toBe(
      'Price list bhej dijiye',
    );
    expect(stripQuotedReply('Call me at 4\n\nSent from my iPhone\n\nOn Mon, 1 Dec 2025, Rahul wrote:\n> hi')).toBe(
      'Call me at 4',
    );
    expect(stripQuotedReply('Not interested.\nGet Outlook for Android')).toBe('Not interested.');
  });

  it('keeps a line that only mentions where it was sent from', () => {
    expect(stripQuotedReply('Sent from our Pune office: the PO is attached.')).toBe(
      'Sent from our Pune office: the PO is attached.',
    );
  });

  it('returns an empty text when there is only history', () => {
    expect(stripQuotedReply('On Mon, 1 Dec 2025, Rahul wrote:\n> hi')).toBe('');
  });
});
