export { leadIntakeWorkflow } from './lead-intake.workflow';
export { playbookRunWorkflow } from './playbook-run.workflow';
