import type { IntentModel } from '../intent-model';

/**
 * The text of model/intent-model.json: one feature a line, in the model's (sorted) feature order, so retraining on
 * a grown corpus shows as a readable diff and the committed file can be compared with a fresh training byte for byte.
 */
export function serialiseIntentModel(model: IntentModel): string {
  const { weights, ...rest } = model;
  const header = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const lines = Object.entries(weights).map(
    ([feature, row]) => `    ${JSON.stringify(feature)}: ${JSON.stringify(row)}`,
  );
  return `${header},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}
