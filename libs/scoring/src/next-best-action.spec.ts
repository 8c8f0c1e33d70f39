import { type ArmCounts } from './compare-arms';
import { MIN_TOUCHES_PER_OPTION, recommendNextBestAction, type ChannelReplyCounts } from './next-best-action';
import { wilsonInterval } from './proportion-statistics';

const arm = (leads: number, conversions: number): ArmCounts => ({ leads, conversions, meetings: 0, replies: 0 });
const touches = (playbook: string, channel: string, sent: number, replies: number): ChannelReplyCounts => ({
  playbookId: playbook,
  playbookName: playbook.toUpperCase(),
  channel,
  touches: sent,
  replies,
});

// Newcombe (1998) Table II: 56/70 vs 48/80 → difference 0.2, 95 % [0.0524, 0.3339]; the lift dashboard's known
// fixture 16/40 vs 7/30 → [−0.056, 0.359] (includes 0).
const clearLift = { playbookId: 'a', playbookName: 'A', treated: arm(70, 56), holdout: arm(80, 48) };
const unclearLift = { playbookId: 'b', playbookName: 'B', treated: arm(40, 16), holdout: arm(30, 7) };

describe('recommendNextBestAction', () => {
  it('recommends the largest lift whose interval excludes 0, on the channel the playbook mostly sends on', () => {
    const action = recommendNextBestAction({
      lifts: [unclearLift, clearLift],
      replies: [touches('a', 'whatsapp', 50, 10), touches('a', 'email', 200, 20)],
      boundPlaybookId: 'b',
    });
    expect(action).toMatchObject({
      status: 'recommend',
      playbookId: 'a',
      channel: 'email',
      basis: 'lift',
      estimate: expect.closeTo(0.2, 10),
      low: expect.closeTo(0.0524, 4),
      high: expect.closeTo(0.3339, 4),
      sampleSize: 150,
    });
    if (action.status === 'not_enough_data') throw new Error('expected a recommendation');
    expect(action.reason).toBe(
      '"A" lifts conversion by +20.0 pts over its holdout (95 % CI +5.2 pts to +33.4 pts; 70 treated, 80 held out)',
    );
    // The unclear lift and the one reply rate with enough touches stay as alternatives.
    expect(action.alternatives.map((o) => [o.playbookId, o.basis, o.channel])).toEqual([
      ['b', 'lift', null],
      ['a', 'reply_rate', 'email'],
    ]);
  });

  it('says already_applied when the choice is the bound playbook', () => {
    const action = recommendNextBestAction({ lifts: [clearLift], replies: [], boundPlaybookId: 'a' });
    expect(action).toMatchObject({ status: 'already_applied', playbookId: 'a', channel: null, basis: 'lift' });
  });

  it('falls back to the best reply rate when it leads the runner-up clearly', () => {
    // 40/200 vs 9/150: difference 0.14, Newcombe low ≈ 0.069 > 0.
    const action = recommendNextBestAction({
      lifts: [{ ...clearLift, holdout: arm(20, 12) }],
      replies: [touches('b', 'whatsapp', 150, 9), touches('a', 'email', 200, 40), touches('c', 'sms', 99, 90)],
      boundPlaybookId: null,
    });
    const wilson = wilsonInterval({ successes: 40, n: 200 })!;
    expect(action).toMatchObject({
      status: 'recommend',
      playbookId: 'a',
      channel: 'email',
      basis: 'reply_rate',
      estimate: 0.2,
      low: wilson.low,
      high: wilson.high,
      sampleSize: 200,
    });
    // The sms option has fewer than the minimum touches: measured nowhere, so no alternative.
    expect(action.alternatives.map((o) => o.channel)).toEqual(['whatsapp']);
  });

  it('is not enough data with what is missing when nothing reaches the minimums', () => {
    const action = recommendNextBestAction({
      lifts: [{ ...clearLift, treated: arm(20, 10), holdout: arm(5, 1) }],
      replies: [touches('a', 'email', 40, 8)],
      boundPlaybookId: null,
    });
    expect(action).toEqual({
      status: 'not_enough_data',
      missing: [
        'needs ≥ 30 held-out and ≥ 30 treated leads of one playbook (most: "A" with 5 held out, 20 treated)',
        `needs ≥ ${MIN_TOUCHES_PER_OPTION} sent touches on a playbook's channel (most: "A" on email with 40)`,
      ],
      reason: expect.stringMatching(/^Not enough data: needs ≥ 30 held-out/),
      alternatives: [],
    });
  });

  it('is not enough data when the measured lifts include 0 and the reply rates do not separate', () => {
    const action = recommendNextBestAction({
      lifts: [unclearLift],
      replies: [touches('b', 'email', 120, 12), touches('b', 'whatsapp', 100, 8)],
      boundPlaybookId: null,
    });
    if (action.status !== 'not_enough_data') throw new Error('expected not enough data');
    expect(action.missing).toEqual([
      'no playbook lifts conversion above 0 with 95 % confidence (best: "B" on email +16.7 pts, interval −5.6 pts to +35.9 pts)',
      '"B" on email (10.0 % replies) does not lead "B" on whatsapp (8.0 %) clearly',
    ]);
    expect(action.alternatives).toHaveLength(3);
  });

  it('needs a second option to compare a lone reply rate with', () => {
    const action = recommendNextBestAction({
      lifts: [],
      replies: [touches('a', 'email', 300, 90)],
      boundPlaybookId: null,
    });
    expect(action).toMatchObject({
      status: 'not_enough_data',
      missing: [
        'needs ≥ 30 held-out and ≥ 30 treated leads of one playbook',
        `needs a second playbook or channel with ≥ ${MIN_TOUCHES_PER_OPTION} sent touches to compare "A" on email with`,
      ],
    });
  });

  it('takes other minimums when asked', () => {
    const action = recommendNextBestAction({
      lifts: [{ ...clearLift, treated: arm(20, 18), holdout: arm(20, 4) }],
      replies: [],
      boundPlaybookId: null,
      minLeadsPerArm: 20,
    });
    expect(action).toMatchObject({ status: 'recommend', basis: 'lift', sampleSize: 40 });
  });
});
