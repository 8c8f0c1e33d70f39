export { messageIdFor, messageIdsIn } from './message-id';
export {
  replyAddress,
  signToken,
  touchIdOfReplyAddress,
  verifyToken,
  type Signer,
  type TokenClaims,
  type TokenPurpose,
} from './tokens';
export { nextTouchStatus, TOUCH_STATUSES, touchStatusOfEvent, type TouchStatus } from './touch-status';
export { isOptOutMessage, normalizeOptOutText, OPT_OUT_MAX_LENGTH, OPT_OUT_PHRASES } from './opt-out';
export { escapeHtml, textToHtml } from './text-to-html';
