import type { RouteRule } from '../nodes/route-node';
import type { Playbook, PlaybookSettings } from '../playbook-schema';
import { buildPlaybook } from './build-playbook';

/** A ready-made playbook: what to call it, what it is for, and its graph. */
export interface PlaybookTemplate {
  name: string;
  description: string;
  graph: Playbook;
}

/** Knobs a template takes; the defaults are what a real team would run. */
export interface PlaybookTemplateOptions {
  /** Who takes the lead when the playbook routes it (a rule over the caller's teams). */
  route: RouteRule;
  /**
   * Real minutes that stand for one day of the template's waits and timeouts (default 1440). A live demo passes a
   * few minutes so a run visibly moves on while someone watches; task due times stay real (a rep's clock).
   */
  minutesPerDay?: number;
  /** Lead-local hours with no touches (default 20:00–08:00); `null` sends at any hour. */
  quietHours?: PlaybookSettings['quietHours'];
}

const HOUR = 60;

function settingsOf(options: PlaybookTemplateOptions, maxTouchesPerDay: number): Partial<PlaybookSettings> {
  const quietHours = options.quietHours === undefined ? { start: '20:00', end: '08:00' } : options.quietHours;
  return { goalEvents: ['demo_booked'], quietHours, maxTouchesPerDay, reentry: { policy: 'afterDays', days: 30 } };
}

const days = (options: PlaybookTemplateOptions, count: number) =>
  Math.max(1, Math.round(count * (options.minutesPerDay ?? 24 * HOUR)));

/**
 * For high-intent leads: route to an available rep of the lead's territory, say hello on WhatsApp from that rep (the
 * `hot_lead_follow_up` template outside the 24-hour window), give them a call task due within the hour, then wait
 * two days for a reply; no reply → an email nudge. Both paths end at the demo-booked goal (7-day window).
 *
 * @example
 * hotLeadFastFollowTemplate({ route: { kind: 'roundRobin', teamId: 'inside-sales' } }).graph.nodes.length; // 9
 */
export function hotLeadFastFollowTemplate(options: PlaybookTemplateOptions): PlaybookTemplate {
  const graph = buildPlaybook({
    settings: settingsOf(options, 3),
    nodes: [
      { id: 'route', type: 'route', config: { rule: options.route } },
      {
        id: 'whatsapp',
        type: 'send',
        config: {
          channel: 'whatsapp',
          body: 'Hi {{lead.firstName}}, {{owner.name}} from Segflow here. Saw {{lead.company}} comparing plans: happy to walk you through pricing on a 15-minute call today?',
          sender: { kind: 'owner' },
          onFailure: 'skip',
          whatsappTemplate: {
            name: 'hot_lead_follow_up',
            language: 'en',
            parameters: ['{{lead.firstName}}', '{{owner.name}}', '{{lead.company}}'],
          },
        },
      },
      {
        id: 'call',
        type: 'task',
        config: {
          taskType: 'call',
          title: 'Call {{lead.firstName}} at {{lead.company}} (hot lead)',
          description: 'High intent: pricing views and a recent form. Call within the hour and offer a demo slot.',
          priority: 'urgent',
          dueInMinutes: HOUR,
          waitForCompletion: false,
          timeoutMinutes: 0,
        },
      },
      {
        id: 'reply',
        type: 'waitForEvent',
        config: { eventTypes: ['whatsapp_reply', 'email_reply', 'demo_booked'], timeoutMinutes: days(options, 2) },
      },
      {
        id: 'nudge',
        type: 'send',
        config: {
          channel: 'email',
          subject: '{{lead.company}} + Segflow: a time that works?',
          body: 'Hi {{lead.firstName}},\n\nI tried you on WhatsApp. Would a short demo this week help? Pick any slot that suits you.\n\n{{owner.name}}',
          sender: { kind: 'owner' },
          onFailure: 'skip',
        },
      },
      { id: 'booked', type: 'goal', config: { eventTypes: ['demo_booked'], windowMinutes: days(options, 7) } },
      {
        id: 'bookedAfterNudge',
        type: 'goal',
        config: { eventTypes: ['demo_booked'], windowMinutes: days(options, 7) },
      },
    ],
    edges: [
      'entry.next->route',
      'route.next->whatsapp',
      'whatsapp.next->call',
      'call.next->reply',
      'reply.matched->booked',
      'reply.timedOut->nudge',
      'nudge.next->bookedAfterNudge',
    ],
  });
  return {
    name: 'Hot lead fast follow-up',
    description: 'High-intent leads: WhatsApp from the territory rep and a call within the hour.',
    graph,
  };
}

/**
 * For leads gone quiet: a LinkedIn note from the owner (a rep task), a "what changed" email, a case study three days
 * later, then four days to engage. A click or reply routes the lead to an available rep with a call task (the lead
 * woke up); silence ends the run. Meant to run with a holdout so its lift can be measured.
 *
 * @example
 * dormantWinBackTemplate({ route: { kind: 'roundRobin', teamId: 'inside-sales' } }).graph.settings.maxTouchesPerDay; // 2
 */
export function dormantWinBackTemplate(options: PlaybookTemplateOptions): PlaybookTemplate {
  const graph = buildPlaybook({
    settings: settingsOf(options, 2),
    nodes: [
      {
        id: 'linkedin',
        type: 'send',
        config: {
          channel: 'linkedin',
          body: 'Hi {{lead.firstName}}, it has been a while! We have shipped a lot since we last spoke; happy to share what teams like {{lead.company}} use now.',
          sender: { kind: 'owner' },
          onFailure: 'skip',
        },
      },
      {
        id: 'checkIn',
        type: 'send',
        config: {
          channel: 'email',
          subject: 'Still sending follow-ups by hand, {{lead.firstName}}?',
          body: 'Hi {{lead.firstName}},\n\nA lot has changed since we last spoke: WhatsApp playbooks, territory routing and SLA dashboards. Worth a fresh look for {{lead.company}}?\n\n{{owner.name}}',
          sender: { kind: 'owner' },
          onFailure: 'exit',
        },
      },
      { id: 'pause', type: 'wait', config: { mode: 'duration', minutes: days(options, 3) } },
      {
        id: 'caseStudy',
        type: 'send',
        config: {
          channel: 'email',
          subject: 'How a Surat textile exporter answers every lead in 5 minutes',
          body: 'Hi {{lead.firstName}},\n\nA two-minute read on how a team like {{lead.company}} cut first-response time by 80%.\n\n{{owner.name}}',
          sender: { kind: 'owner' },
          onFailure: 'skip',
        },
      },
      {
        id: 'engaged',
        type: 'waitForEvent',
        config: { eventTypes: ['email_click', 'email_reply', 'linkedin_reply'], timeoutMinutes: days(options, 4) },
      },
      { id: 'route', type: 'route', config: { rule: options.route } },
      {
        id: 'call',
        type: 'task',
        config: {
          taskType: 'call',
          title: 'Call {{lead.firstName}} ({{lead.company}}): back from dormant',
          description: 'A dormant lead engaged with the win-back touches.',
          priority: 'high',
          dueInMinutes: 4 * HOUR,
          waitForCompletion: false,
          timeoutMinutes: 0,
        },
      },
      { id: 'revived', type: 'goal', config: { eventTypes: ['demo_booked'], windowMinutes: days(options, 14) } },
      { id: 'stillQuiet', type: 'exit', config: { reason: 'no-engagement' } },
    ],
    edges: [
      'entry.next->linkedin',
      'linkedin.next->checkIn',
      'checkIn.next->pause',
      'pause.next->caseStudy',
      'caseStudy.next->engaged',
      'engaged.matched->route',
      'engaged.timedOut->stillQuiet',
      'route.next->call',
      'call.next->revived',
    ],
  });
  return {
    name: 'Dormant win-back nurture',
    description: 'Leads gone quiet: a LinkedIn note from the owner, two emails, a call if they engage.',
    graph,
  };
}

/**
 * For founders who live on WhatsApp: a check-in message (the `founder_check_in` template outside the 24-hour window),
 * two days for a reply; a reply routes the lead and asks the rep to call and waits for that call (one day), no reply
 * ends the run.
 *
 * @example
 * whatsappCheckInTemplate({ route: { kind: 'roundRobin', teamId: 'inside-sales' } }).name; // 'WhatsApp founder check-in'
 */
export function whatsappCheckInTemplate(options: PlaybookTemplateOptions): PlaybookTemplate {
  const graph = buildPlaybook({
    settings: settingsOf(options, 2),
    nodes: [
      {
        id: 'hello',
        type: 'send',
        config: {
          channel: 'whatsapp',
          body: 'Hi {{lead.firstName}}! Quick one: would a WhatsApp-first follow-up flow help {{lead.company}} close faster? Reply YES and we will set it up with you.',
          sender: { kind: 'fixed', name: 'Segflow team', address: '+919800000000' },
          onFailure: 'skip',
          whatsappTemplate: {
            name: 'founder_check_in',
            language: 'en',
            parameters: ['{{lead.firstName}}', '{{lead.company}}'],
          },
        },
      },
      {
        id: 'reply',
        type: 'waitForEvent',
        config: { eventTypes: ['whatsapp_reply'], timeoutMinutes: days(options, 2) },
      },
      { id: 'route', type: 'route', config: { rule: options.route } },
      {
        id: 'call',
        type: 'task',
        config: {
          taskType: 'call',
          title: 'Call {{lead.firstName}} ({{lead.company}}): replied on WhatsApp',
          priority: 'high',
          dueInMinutes: 4 * HOUR,
          waitForCompletion: true,
          timeoutMinutes: days(options, 1),
        },
      },
      { id: 'booked', type: 'goal', config: { eventTypes: ['demo_booked'], windowMinutes: days(options, 7) } },
      { id: 'callMissed', type: 'exit', config: { reason: 'call-not-made' } },
      { id: 'noReply', type: 'exit', config: { reason: 'no-reply' } },
    ],
    edges: [
      'entry.next->hello',
      'hello.next->reply',
      'reply.matched->route',
      'reply.timedOut->noReply',
      'route.next->call',
      'call.done->booked',
      'call.timedOut->callMissed',
    ],
  });
  return {
    name: 'WhatsApp founder check-in',
    description: 'WhatsApp-first founders: a check-in, and a call when they reply.',
    graph,
  };
}
