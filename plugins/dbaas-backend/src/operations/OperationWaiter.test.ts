import { OperationStore, OperationWithOwner } from '../database/OperationStore';
import { OperationWaiter } from './OperationWaiter';

function operation(status: OperationWithOwner['status']) {
  return { id: 'op-1', status } as OperationWithOwner;
}

/** A store whose operation has the given status on each read, the last one from then on. */
function storeWith(statuses: OperationWithOwner['status'][]) {
  let reads = 0;
  const store = {
    reads: () => reads,
    get: async () =>
      operation(statuses[Math.min(reads++, statuses.length - 1)]),
  };
  return store;
}

describe('OperationWaiter', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  function waiterOn(store: ReturnType<typeof storeWith>) {
    return new OperationWaiter(store as unknown as OperationStore);
  }

  function answerOf(promise: Promise<OperationWithOwner | undefined>) {
    const answer = jest.fn();
    promise.then(answer);
    return answer;
  }

  it('answers with the operation it was given when that has finished', async () => {
    const store = storeWith(['running']);
    const watch = waiterOn(store).watch('op-1');
    const answer = answerOf(watch.until(operation('succeeded'), 30_000));

    await jest.advanceTimersByTimeAsync(0);
    expect(answer).toHaveBeenCalledWith(operation('succeeded'));
    expect(store.reads()).toBe(0);
  });

  it('does not miss an end that happened after watching began but before the wait', async () => {
    const store = storeWith(['succeeded']);
    const waiter = waiterOn(store);
    const watch = waiter.watch('op-1');
    // Read as running, then the worker finishes it, then the caller waits.
    waiter.notify('op-1');
    const answer = answerOf(watch.until(operation('running'), 30_000));

    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toHaveBeenCalledWith(operation('succeeded'));
  });

  it('answers at once when notified while waiting', async () => {
    const store = storeWith(['succeeded']);
    const waiter = waiterOn(store);
    const answer = answerOf(
      waiter.watch('op-1').until(operation('running'), 30_000),
    );

    await jest.advanceTimersByTimeAsync(50);
    expect(answer).not.toHaveBeenCalled();
    waiter.notify('op-1');
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toHaveBeenCalledWith(operation('succeeded'));
  });

  it('reads again every 100 ms for an operation another replica runs', async () => {
    const store = storeWith(['running', 'succeeded']);
    const answer = answerOf(
      waiterOn(store).watch('op-1').until(operation('running'), 30_000),
    );

    await jest.advanceTimersByTimeAsync(150);
    expect(answer).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(100);
    expect(answer).toHaveBeenCalledWith(operation('succeeded'));
  });

  it('answers with the operation as it is when the time is up', async () => {
    const store = storeWith(['running']);
    const answer = answerOf(
      waiterOn(store).watch('op-1').until(operation('running'), 250),
    );

    await jest.advanceTimersByTimeAsync(200);
    expect(answer).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(100);
    expect(answer).toHaveBeenCalledWith(operation('running'));
  });

  it('stops listening once cancelled', async () => {
    const store = storeWith(['succeeded']);
    const waiter = waiterOn(store);
    const watch = waiter.watch('op-1');
    watch.cancel();
    waiter.notify('op-1');
    const answer = answerOf(watch.until(operation('running'), 30_000));

    await jest.advanceTimersByTimeAsync(50);
    expect(answer).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(60);
    expect(answer).toHaveBeenCalledWith(operation('succeeded'));
  });
});
