import { z } from 'zod';
import { formatIssues } from './format-issues';

describe('formatIssues', () => {
  it('joins nested and array paths with dots', () => {
    const schema = z.object({ items: z.array(z.object({ email: z.email() })) });
    const result = schema.safeParse({ items: [{ email: 'a@b.co' }, { email: 'bad' }] });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(formatIssues(result.error)).toEqual([{ field: 'items.1.email', reason: expect.any(String) }]);
    }
  });

  it('names the root when the value itself is wrong', () => {
    const result = z.string().safeParse(3);
    expect(result.success).toBe(false);
    if (!result.success) expect(formatIssues(result.error)[0]?.field).toBe('(root)');
  });
});
