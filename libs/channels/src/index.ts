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
export { escapeHtml, textToHtml } from './text-to-html';
