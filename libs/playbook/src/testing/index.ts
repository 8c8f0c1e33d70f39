export { samplePlaybook, sampleLead } from './sample-playbook';
export { buildPlaybook } from './build-playbook';
