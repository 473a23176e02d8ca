import { OperationRegistry } from '../OperationRegistry';
import { createInstanceHandler } from './createInstance';
import { deleteInstanceHandler } from './deleteInstance';
import { updateInstanceHandler } from './updateInstance';

/** The instance lifecycle: the operation types the engine itself owns. */
export function registerLifecycleOperations(registry: OperationRegistry): void {
  registry
    .register(createInstanceHandler)
    .register(updateInstanceHandler)
    .register(deleteInstanceHandler);
}
