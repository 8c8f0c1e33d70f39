import { compareArms, MIN_LEADS_PER_ARM, type ArmCounts } from './compare-arms';
import { newcombeInterval, wilsonInterval } from './proportion-statistics';

/**
 * Below this many sent touches a playbook's channel in a segment has no reply rate worth comparing: at a 10 % reply
 * rate a 95 % Wilson interval over 100 touches still spans about ±6 points.
 */
export const MIN_TOUCHES_PER_OPTION = 100;

/** A playbook's treated and held-out runs in one segment (the counts of the lift dashboard). */
export interface PlaybookArmCounts {
  playbookId: string;
  playbookName: string;
  treated: ArmCounts;
  holdout: ArmCounts;
}

/** A playbook's sent touches on one channel in one segment, and how many of them were replied to. */
export interface ChannelReplyCounts {
  playbookId: string;
  playbookName: string;
  channel: string;
  touches: number;
  replies: number;
}

/**
 * A measured option: a playbook (and the channel it is measured on, or mostly sends on) with its estimate and 95 %
 * interval: conversion lift over its holdout (Newcombe) or reply rate per sent touch (Wilson).
 */
export interface ActionOption {
  playbookId: string;
  playbookName: string;
  channel: string | null;
  basis: 'lift' | 'reply_rate';
  estimate: number;
  low: number;
  high: number;
  /** Treated + held-out leads (lift) or sent touches (reply rate). */
  sampleSize: number;
}

/** What a segment should run next, or what data is missing to say; `alternatives` are the other measured options. */
export type NextBestAction =
  | (ActionOption & { status: 'recommend' | 'already_applied'; reason: string; alternatives: ActionOption[] })
  | { status: 'not_enough_data'; reason: string; missing: string[]; alternatives: ActionOption[] };

/** The measured outcomes of one segment and the playbook bound to it now. */
export interface NextBestActionInput {
  lifts: readonly PlaybookArmCounts[];
  replies: readonly ChannelReplyCounts[];
  boundPlaybookId: string | null;
  minLeadsPerArm?: number;
  minTouches?: number;
}

const points = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pts`;
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const label = (o: ActionOption) => `"${o.playbookName}"${o.channel ? ` on ${o.channel}` : ''}`;
const byEstimate = (a: ActionOption, b: ActionOption) =>
  b.estimate - a.estimate || b.low - a.low || b.sampleSize - a.sampleSize;

/** The channel most of the playbook's sent touches in the segment went out on (null without touches). */
function mainChannelOf(playbookId: string, replies: readonly ChannelReplyCounts[]): string | null {
  const own = replies.filter((r) => r.playbookId === playbookId).sort((a, b) => b.touches - a.touches);
  return own[0]?.channel ?? null;
}

function liftOptionsOf(input: NextBestActionInput, minLeads: number): ActionOption[] {
  return input.lifts.flatMap(({ playbookId, playbookName, treated, holdout }) => {
    const conversions = compareArms(treated, holdout, minLeads).difference?.conversions;
    if (!conversions) return [];
    const { difference: estimate, low, high } = conversions;
    const channel = mainChannelOf(playbookId, input.replies);
    const sampleSize = treated.leads + holdout.leads;
    return [{ playbookId, playbookName, channel, basis: 'lift' as const, estimate, low, high, sampleSize }];
  });
}

function replyOptionsOf(replies: readonly ChannelReplyCounts[], minTouches: number): ActionOption[] {
  return replies.flatMap(({ playbookId, playbookName, channel, touches, replies: replied }) => {
    const interval = touches >= Math.max(1, minTouches) ? wilsonInterval({ successes: replied, n: touches }) : null;
    if (!interval) return [];
    return [
      {
        playbookId,
        playbookName,
        channel,
        basis: 'reply_rate' as const,
        estimate: replied / touches,
        ...interval,
        sampleSize: touches,
      },
    ];
  });
}

/** Why the best lift does not decide: too few leads in the arms, or no lift above 0 at 95 %. */
function liftShortfall(input: NextBestActionInput, lifts: ActionOption[], minLeads: number): string {
  const best = lifts[0];
  if (best)
    return `no playbook lifts conversion above 0 with 95 % confidence (best: ${label(best)} ${points(best.estimate)}, interval ${points(best.low)} to ${points(best.high)})`;
  const largest = [...input.lifts].sort((a, b) => b.holdout.leads - a.holdout.leads)[0];
  const seen = largest
    ? ` (most: "${largest.playbookName}" with ${largest.holdout.leads} held out, ${largest.treated.leads} treated)`
    : '';
  return `needs ≥ ${minLeads} held-out and ≥ ${minLeads} treated leads of one playbook${seen}`;
}

/** Why the best reply rate does not decide: too few touches, nothing to compare with, or no clear lead. */
function replyShortfall(input: NextBestActionInput, options: ActionOption[], minTouches: number): string {
  const [leader, next] = options;
  if (leader && next)
    return `${label(leader)} (${percent(leader.estimate)} replies) does not lead ${label(next)} (${percent(next.estimate)}) clearly`;
  if (leader)
    return `needs a second playbook or channel with ≥ ${minTouches} sent touches to compare ${label(leader)} with`;
  const largest = [...input.replies].sort((a, b) => b.touches - a.touches)[0];
  const seen = largest ? ` (most: "${largest.playbookName}" on ${largest.channel} with ${largest.touches})` : '';
  return `needs ≥ ${minTouches} sent touches on a playbook's channel${seen}`;
}

/** Whether the leading reply rate is ahead of the runner-up: their difference's Newcombe interval excludes 0. */
function leadsClearly(input: NextBestActionInput, leader: ActionOption, next: ActionOption | undefined): boolean {
  if (!next) return false;
  const count = (o: ActionOption) => {
    const row = input.replies.find((r) => r.playbookId === o.playbookId && r.channel === o.channel)!;
    return { successes: row.replies, n: row.touches };
  };
  return (newcombeInterval(count(leader), count(next))?.low ?? 0) > 0;
}

function reasonFor(choice: ActionOption, options: ActionOption[], input: NextBestActionInput): string {
  const interval = (f: (x: number) => string) => `95 % CI ${f(choice.low)} to ${f(choice.high)}`;
  if (choice.basis === 'lift') {
    const lift = input.lifts.find((l) => l.playbookId === choice.playbookId)!;
    return `"${choice.playbookName}" lifts conversion by ${points(choice.estimate)} over its holdout (${interval(points)}; ${lift.treated.leads} treated, ${lift.holdout.leads} held out)`;
  }
  const next = options[1]!;
  return `${label(choice)} has the best reply rate, ${percent(choice.estimate)} (${interval(percent)}; ${choice.sampleSize} touches), clearly ahead of ${label(next)} (${percent(next.estimate)}); no playbook has a conversion lift measured above 0`;
}

/**
 * The next best action of a segment, by one rule: the playbook with the largest conversion lift over its holdout whose
 * 95 % Newcombe interval lies above 0 (both arms ≥ `minLeadsPerArm`, default {@link MIN_LEADS_PER_ARM}); failing that,
 * the playbook × channel with the best reply rate (≥ `minTouches` sent touches, default {@link MIN_TOUCHES_PER_OPTION})
 * if its lead over the runner-up has a Newcombe interval above 0; otherwise `not_enough_data`, saying what is missing.
 * A choice that is the segment's bound playbook is `already_applied`.
 *
 * @example
 * const action = recommendNextBestAction({ lifts: [{ playbookId: 'p', playbookName: 'Demo push',
 *   treated: { leads: 400, conversions: 80, meetings: 0, replies: 0 },
 *   holdout: { leads: 100, conversions: 8, meetings: 0, replies: 0 } }], replies: [], boundPlaybookId: null });
 * action.status; // 'recommend' (lift +12.0 pts, 95 % CI ≈ +4.1 to +17.7)
 */
export function recommendNextBestAction(input: NextBestActionInput): NextBestAction {
  const minLeads = input.minLeadsPerArm ?? MIN_LEADS_PER_ARM;
  const minTouches = input.minTouches ?? MIN_TOUCHES_PER_OPTION;
  const lifts = liftOptionsOf(input, minLeads).sort(byEstimate);
  const replies = replyOptionsOf(input.replies, minTouches).sort(byEstimate);
  const options = [...lifts, ...replies];
  const best = lifts.find((o) => o.low > 0);
  const choice = best ?? (replies[0] && leadsClearly(input, replies[0], replies[1]) ? replies[0] : undefined);
  if (!choice) {
    const missing = [liftShortfall(input, lifts, minLeads), replyShortfall(input, replies, minTouches)];
    return {
      status: 'not_enough_data',
      reason: `Not enough data: ${missing.join('; ')}`,
      missing,
      alternatives: options,
    };
  }
  return {
    ...choice,
    status: choice.playbookId === input.boundPlaybookId ? 'already_applied' : 'recommend',
    reason: reasonFor(choice, choice.basis === 'lift' ? lifts : replies, input),
    alternatives: options.filter((o) => o !== choice),
  };
}
