// With SEGFLOW_TEST_NOW set (an ISO instant), a spec runs as if started at that moment: only `Date` is faked, and it
// moves on with real time, so timers, sockets, PostgreSQL and Temporal behave as usual. tools/test.mjs uses it to run
// the time-dependent specs at fixed dates (tools/testing/fixed-dates.mjs).
const fixedNow = process.env.SEGFLOW_TEST_NOW;
if (fixedNow) {
  const now = new Date(fixedNow);
  if (Number.isNaN(now.getTime())) throw new Error(`SEGFLOW_TEST_NOW=${fixedNow} is not a date`);
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
