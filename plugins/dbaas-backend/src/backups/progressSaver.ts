import { OperationControlStore } from '../database/OperationControlStore';

const INTERVAL_MS = 500;

/** Saves byte progress at most twice a second, never two writes at once. */
export function progressSaver(
  control: OperationControlStore,
  operationId: string,
  total: number,
) {
  let savedAt = 0;
  let saving: Promise<void> | undefined;
  const save = (done: number) =>
    control
      .setProgress(operationId, {
        done,
        total,
        unit: 'bytes',
        updatedAt: new Date().toISOString(),
      })
      .catch(() => {
        // progress is a courtesy; the backup goes on without it
      });
  return {
    update(done: number) {
      const now = Date.now();
      if (saving || now - savedAt < INTERVAL_MS) return;
      savedAt = now;
      saving = save(done).finally(() => {
        saving = undefined;
      });
    },
    async finish(done: number) {
      await saving;
      await save(done);
    },
  };
}
