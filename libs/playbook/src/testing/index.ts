export { samplePlaybook, sampleLead } from './sample-playbook';
