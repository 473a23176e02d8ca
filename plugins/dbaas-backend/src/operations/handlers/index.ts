import { OperationType } from '@justmanage/plugin-dbaas-common';
import { OperationHandler } from '../types';
import { createInstanceHandler } from './createInstance';
import { deleteInstanceHandler } from './deleteInstance';
import { updateInstanceHandler } from './updateInstance';
import { scanKeysHandler } from './scanKeys';
import { upgradeInstanceHandler } from './upgradeInstance';

export const operationHandlers: Record<OperationType, OperationHandler> = {
  create: createInstanceHandler,
  update: updateInstanceHandler,
  delete: deleteInstanceHandler,
  'scan-keys': scanKeysHandler,
  upgrade: upgradeInstanceHandler,
};
