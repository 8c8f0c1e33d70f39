// Console output of the start/test orchestration: one prefix so it stands apart from the children's JSON logs.
export const say = (message) => process.stdout.write(`[segflow] ${message}\n`);
export const fail = (message) => {
  process.stderr.write(`[segflow] error: ${message}\n`);
  process.exit(1);
};
