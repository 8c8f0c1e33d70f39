export { leadIntakeWorkflow } from './lead-intake.workflow';
