import { EventStream, startLiveRefresh } from './live-refresh';

/** A stand-in for EventSource that the test drives. */
class FakeStream implements EventStream {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, (() => void)[]>();
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string): void {
    if (type === 'ready') this.readyState = 1;
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
  close(): void {
    this.closed = true;
  }
}

describe('startLiveRefresh', () => {
  let stream: FakeStream;
  let refreshes: number;
  let hidden: boolean;
  let liveChanges: boolean[];
  let stop: () => void;
  const start = (openStream: () => EventStream | null = () => stream) => {
    stop = startLiveRefresh({
      refresh: () => (refreshes += 1),
      openStream,
      fallbackMs: 5_000,
      resyncMs: 60_000,
      debounceMs: 250,
      isHidden: () => hidden,
      onLiveChange: (live) => liveChanges.push(live),
    });
  };

  beforeEach(() => {
    jest.useFakeTimers();
    stream = new FakeStream();
    refreshes = 0;
    hidden = false;
    liveChanges = [];
  });
  afterEach(() => {
    stop();
    jest.useRealTimers();
  });

  it('refetches once the stream is ready, then once per burst of changes, and does not poll while connected', () => {
    start();
    stream.emit('ready');
    expect(refreshes).toBe(1);
    stream.emit('changed');
    stream.emit('changed');
    jest.advanceTimersByTime(249);
    stream.emit('changed');
    expect(refreshes).toBe(1);
    jest.advanceTimersByTime(250);
    expect(refreshes).toBe(2);
    jest.advanceTimersByTime(30_000);
    expect(refreshes).toBe(2);
  });

  it('resyncs now and then while connected, for snoozes that end and anything missed', () => {
    start();
    stream.emit('ready');
    jest.advanceTimersByTime(60_000);
    expect(refreshes).toBe(2);
  });

  it('polls while the stream is down and refetches when it reconnects', () => {
    start();
    jest.advanceTimersByTime(5_000);
    expect(refreshes).toBe(1);
    stream.emit('ready');
    expect(refreshes).toBe(2);
    stream.emit('error');
    jest.advanceTimersByTime(5_000);
    expect(refreshes).toBe(3);
    stream.emit('ready');
    expect(refreshes).toBe(4);
    expect(liveChanges).toEqual([true, false, true]);
  });

  it('falls back to polling when the browser gives up on the stream or has no EventSource', () => {
    start();
    stream.emit('ready');
    stream.readyState = 2;
    jest.advanceTimersByTime(5_000);
    expect(refreshes).toBe(2);
    expect(liveChanges).toEqual([true, false]);
    stop();
    refreshes = 0;
    start(() => null);
    jest.advanceTimersByTime(10_000);
    expect(refreshes).toBe(2);
  });

  it('does not poll a hidden tab, and closes the stream when stopped', () => {
    hidden = true;
    start();
    jest.advanceTimersByTime(20_000);
    expect(refreshes).toBe(0);
    stop();
    expect(stream.closed).toBe(true);
    stream.emit('changed');
    jest.advanceTimersByTime(1_000);
    expect(refreshes).toBe(0);
  });
});
