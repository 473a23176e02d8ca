import { OperationType } from '@justmanage/plugin-dbaas-common';
import { OperationHandler } from '../types';
import { createInstanceHandler } from './createInstance';
import { deleteInstanceHandler } from './deleteInstance';
import { updateInstanceHandler } from './updateInstance';

export const operationHandlers: Record<OperationType, OperationHandler> = {
  create: createInstanceHandler,
  update: updateInstanceHandler,
  delete: deleteInstanceHandler,
};
