export { checkRepAvailability, describeUnavailability, type RepUnavailability } from './check-rep-availability';
export { chooseOwner, type ChooseOwnerInput, type OwnerDecision, type RoundRobinCursor } from './choose-owner';
export { matchTerritory, type LeadLocation, type TerritoryMatchResult } from './match-territory';
export { pickLeastLoaded, type LeastLoadedInput } from './pick-least-loaded';
export { pickRoundRobin, type RoundRobinInput } from './pick-round-robin';
export type { OutOfOffice, Rep } from './rep';
export {
  routeRuleSchema,
  type LeastLoadedRule,
  type RoundRobinRule,
  type RouteRule,
  type TerritoryMatch,
  type TerritoryRule,
} from './route-rule';
export type { SkippedRep, TeamPick } from './team-pick';
export {
  PRIORITY_WEIGHTS,
  RANK_WEIGHTS,
  URGENCY_HALF_LIFE_MINUTES,
  rankInboxTasks,
  rankTask,
  type RankableTask,
  type TaskPriority,
  type TaskRank,
} from './rank-inbox-tasks';
