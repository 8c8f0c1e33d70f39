export { leadIntakeWorkflow } from './lead-intake.workflow';
export { playbookRunWorkflow } from './playbook-run.workflow';
export { scheduledRetrainWorkflow } from './scheduled-retrain.workflow';
