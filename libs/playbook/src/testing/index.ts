export { samplePlaybook, sampleLead } from './sample-playbook';
export { buildPlaybook, type NodeSpec } from './build-playbook';
export {
  dormantWinBackTemplate,
  hotLeadFastFollowTemplate,
  whatsappCheckInTemplate,
  type PlaybookTemplate,
  type PlaybookTemplateOptions,
} from './demo-playbooks';
