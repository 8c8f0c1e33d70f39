import type { SendNode } from '../nodes/send-node';
import { renderHeaderTemplate, renderHtmlTemplate, renderTemplate, type TemplateContext } from '../template';
import type { LeadContext } from './lead-context';
import type { CommandResult, ResolvedSender } from './run-types';
import { addNote, commandKey, currentVisit, type Resolution, type Work } from './run-work';
import { localDayKey, nextSendDeferral } from './send-window';

/** Template values of a lead. */
export function templateContextOf(lead: LeadContext): TemplateContext {
  return { lead, segment: lead.segment, owner: lead.owner };
}

function resolveSender(node: SendNode, lead: LeadContext): ResolvedSender {
  const sender = node.config.sender;
  if (sender.kind === 'fixed') return { kind: 'fixed', ownerId: null, name: sender.name, address: sender.address };
  return {
    kind: 'owner',
    ownerId: lead.owner?.id ?? null,
    name: lead.owner?.name ?? '',
    address: lead.owner?.address ?? null,
  };
}

function countTouch(work: Work, by: 1 | -1): void {
  const today = localDayKey(work.now, work.state.lead.timeZone);
  const kept = Object.entries(work.state.touchesPerDay).filter(([day]) => day >= today);
  work.state.touchesPerDay = Object.fromEntries(kept);
  work.state.touchesPerDay[today] = Math.max(0, (work.state.touchesPerDay[today] ?? 0) + by);
}

function emitTouch(work: Work, node: SendNode): void {
  const { lead, runId } = work.state;
  const visit = currentVisit(work);
  const key = commandKey(runId, node.id, visit);
  const body = renderTemplate(node.config.body, templateContextOf(lead));
  const base = { nodeId: node.id, visit, leadId: lead.id };
  if (node.config.channel === 'linkedin') {
    work.commands.push({
      kind: 'createTask',
      key,
      ...base,
      taskType: 'linkedin',
      title: 'Send a LinkedIn message',
      description: body,
      priority: 'normal',
      dueAt: work.now.toISOString(),
      assigneeId: lead.owner?.id ?? null,
      waitForCompletion: false,
      touch: { channel: 'linkedin', body },
    });
    return;
  }
  const context = templateContextOf(lead);
  const { channel, html, whatsappTemplate } = node.config;
  const subject = channel === 'email' ? renderHeaderTemplate(node.config.subject ?? '', context) : null;
  work.commands.push({
    kind: 'sendTouch',
    idempotencyKey: key,
    ...base,
    channel,
    subject,
    body,
    ...(channel === 'email' && html !== undefined ? { html: renderHtmlTemplate(html, context) } : {}),
    ...(channel === 'whatsapp' && whatsappTemplate
      ? {
          whatsappTemplate: {
            ...whatsappTemplate,
            parameters: whatsappTemplate.parameters.map((p) => renderTemplate(p, context)),
          },
        }
      : {}),
    sender: resolveSender(node, lead),
  });
}

/**
 * Tries to send the touch of the current `send` node (on entry and when a deferral timer fires):
 * skips an unsubscribed channel, defers for quiet hours / daily cap, otherwise emits the command and waits
 * for its result.
 */
export function attemptSend(work: Work, node: SendNode): Resolution {
  const { lead } = work.state;
  if (lead.unsubscribedChannels.includes(node.config.channel)) {
    return { kind: 'follow', handle: 'next', note: `skipped:unsubscribed:${node.config.channel}` };
  }
  const deferral = nextSendDeferral(work.playbook.settings, lead.timeZone, work.state.touchesPerDay, work.now);
  if (deferral) {
    addNote(work, `deferred:${deferral.because}:${deferral.until.toISOString()}`);
    return { kind: 'wait', waiting: { kind: 'deferredSend', until: deferral.until.toISOString() } };
  }
  countTouch(work, 1);
  emitTouch(work, node);
  return { kind: 'wait', waiting: { kind: 'commandResult' } };
}

/**
 * What a delivery result means for a `send` node: `deferred` (the lead's cap across runs is full) waits like a
 * deferral of its own, the touch uncounted; a failure goes per the node's `onFailure`.
 */
export function resolveSendResult(work: Work, node: SendNode, result: CommandResult): Resolution {
  if (result.kind === 'deferred') {
    countTouch(work, -1);
    addNote(work, `deferred:dailyCap:${result.until}`);
    return { kind: 'wait', waiting: { kind: 'deferredSend', until: result.until } };
  }
  if (result.kind !== 'failed') return { kind: 'follow', handle: 'next' };
  const note = `failed:${result.reason}`;
  switch (node.config.onFailure) {
    case 'followFailedEdge':
      return { kind: 'follow', handle: 'failed', note };
    case 'skip':
      return { kind: 'follow', handle: 'next', note };
    case 'exit':
      return { kind: 'end', status: 'exited', reason: `send-${note}` };
  }
}
