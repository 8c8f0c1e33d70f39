import { FEATURE_NAMES } from '@segflow/scoring';
import { featureNamesOf } from '../condition-features';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from '../nodes/common';
import type { PlaybookNode } from '../nodes/playbook-node';
import type { Playbook } from '../playbook-schema';
import { findTemplateVariables, isTemplateVariable, templateSyntaxError } from '../template';
import type { PlaybookIssue } from './playbook-issue';
import type { ValidationContext } from './validation-context';

type Duration = { field: string; minutes: number; min: number };

function durationsOf(node: PlaybookNode): Duration[] {
  const wait = (field: string, minutes: number): Duration => ({ field, minutes, min: MIN_DURATION_MINUTES });
  const offset = (field: string, minutes: number): Duration => ({ field, minutes, min: 0 });
  switch (node.type) {
    case 'wait':
      return node.config.mode === 'duration' ? [wait('config.minutes', node.config.minutes)] : [];
    case 'waitForEvent':
      return [wait('config.timeoutMinutes', node.config.timeoutMinutes)];
    case 'task': {
      const due = offset('config.dueInMinutes', node.config.dueInMinutes);
      return node.config.waitForCompletion ? [due, wait('config.timeoutMinutes', node.config.timeoutMinutes)] : [due];
    }
    case 'goal':
      return [offset('config.windowMinutes', node.config.windowMinutes)];
    default:
      return [];
  }
}

/** Waits and timeouts are 1 minute … 90 days; due offsets and goal windows 0 … 90 days. */
export function checkDurations(node: PlaybookNode): PlaybookIssue[] {
  return durationsOf(node)
    .filter((d) => d.minutes < d.min || d.minutes > MAX_DURATION_MINUTES)
    .map((d) => ({
      code: 'duration-out-of-range',
      nodeId: node.id,
      field: d.field,
      message: `${d.minutes} minutes is outside ${d.min} minute(s) … 90 days`,
    }));
}

function templatesOf(node: PlaybookNode): Array<{ field: string; text: string }> {
  if (node.type === 'send') {
    const subject = node.config.subject === undefined ? [] : [{ field: 'config.subject', text: node.config.subject }];
    const html = node.config.html === undefined ? [] : [{ field: 'config.html', text: node.config.html }];
    const parameters = (node.config.whatsappTemplate?.parameters ?? []).map((text, i) => ({
      field: `config.whatsappTemplate.parameters.${i}`,
      text,
    }));
    return [...subject, { field: 'config.body', text: node.config.body }, ...html, ...parameters];
  }
  if (node.type === 'task') {
    const description =
      node.config.description === undefined ? [] : [{ field: 'config.description', text: node.config.description }];
    return [{ field: 'config.title', text: node.config.title }, ...description];
  }
  return [];
}

/** Templates parse as Liquid and read only `TEMPLATE_VARIABLES` and the workspace's custom lead attributes. */
export function checkTemplates(node: PlaybookNode, context: ValidationContext): PlaybookIssue[] {
  const attributeKeys = context.leadAttributes.map((a) => a.key);
  return templatesOf(node).flatMap(({ field, text }): PlaybookIssue[] => {
    const syntaxError = templateSyntaxError(text);
    if (syntaxError !== null) return [{ code: 'malformed-template', nodeId: node.id, field, message: syntaxError }];
    return findTemplateVariables(text)
      .filter((name) => !isTemplateVariable(name, attributeKeys))
      .map((name) => ({
        code: 'unknown-template-variable',
        nodeId: node.id,
        field,
        message: `unknown variable {{ ${name} }}`,
      }));
  });
}

/**
 * Email needs a subject and only email may have one (or an HTML part); only WhatsApp has a message template;
 * LinkedIn is sent by the owner, so no fixed sender.
 */
export function checkChannel(node: PlaybookNode): PlaybookIssue[] {
  if (node.type !== 'send') return [];
  const { channel, subject, sender, html, whatsappTemplate } = node.config;
  const at = { nodeId: node.id };
  const issues: PlaybookIssue[] = [];
  if (channel === 'email' && !subject?.trim())
    issues.push({ code: 'channel-field', ...at, field: 'config.subject', message: 'an email needs a subject' });
  if (channel !== 'email' && subject !== undefined)
    issues.push({
      code: 'channel-field',
      ...at,
      field: 'config.subject',
      message: `${channel} messages have no subject`,
    });
  if (channel !== 'email' && html !== undefined)
    issues.push({
      code: 'channel-field',
      ...at,
      field: 'config.html',
      message: `${channel} messages have no HTML part`,
    });
  if (channel !== 'whatsapp' && whatsappTemplate !== undefined)
    issues.push({
      code: 'channel-field',
      ...at,
      field: 'config.whatsappTemplate',
      message: `${channel} messages have no WhatsApp template`,
    });
  if (channel === 'linkedin' && sender.kind !== 'owner') {
    issues.push({
      code: 'channel-sender',
      ...at,
      field: 'config.sender',
      message: 'LinkedIn messages are sent by the owner as a task',
    });
  }
  return issues;
}

/** Split weights add up to 100. */
export function checkSplitWeights(node: PlaybookNode): PlaybookIssue[] {
  if (node.type !== 'split') return [];
  const total = node.config.variants.reduce((sum, v) => sum + v.weight, 0);
  return total === 100
    ? []
    : [
        {
          code: 'split-weights',
          nodeId: node.id,
          field: 'config.variants',
          message: `weights add up to ${total}, not 100`,
        },
      ];
}

/** Goal nodes and waitForEvent nodes list at least one event; settings list at least one goal event. */
export function checkEventLists(node: PlaybookNode): PlaybookIssue[] {
  if (node.type === 'goal' && node.config.eventTypes.length === 0) {
    return [
      {
        code: 'goal-events-empty',
        nodeId: node.id,
        field: 'config.eventTypes',
        message: 'a goal needs at least one event type',
      },
    ];
  }
  if (node.type === 'waitForEvent' && node.config.eventTypes.length === 0) {
    return [
      {
        code: 'event-types-empty',
        nodeId: node.id,
        field: 'config.eventTypes',
        message: 'wait for at least one event type',
      },
    ];
  }
  return [];
}

/** Branch conditions read only features the scoring library computes (a misspelt one would always compare false). */
export function checkFeatureNames(node: PlaybookNode): PlaybookIssue[] {
  if (node.type !== 'branch') return [];
  return featureNamesOf(node.config.condition)
    .filter((name) => !(FEATURE_NAMES as readonly string[]).includes(name))
    .map((name) => ({
      code: 'unknown-feature',
      nodeId: node.id,
      field: 'config.condition',
      message: `unknown feature "${name}": one of ${FEATURE_NAMES.join(', ')}`,
    }));
}

/** Playbook-wide settings rules. */
export function checkSettings(settings: Playbook['settings']): PlaybookIssue[] {
  return settings.goalEvents.length === 0
    ? [
        {
          code: 'goal-events-empty',
          field: 'settings.goalEvents',
          message: 'list at least one event that counts as conversion',
        },
      ]
    : [];
}
