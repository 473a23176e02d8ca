import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Driver } from './driver';

/**
 * Lets backend modules add drivers to the dbaas plugin.
 * @public
 */
export interface DbaasDriversExtensionPoint {
  /** Registers a driver under its id; a second driver with the same id is an error. */
  addDriver(driver: Driver): void;
}

/** @public */
export const dbaasDriversExtensionPoint =
  createExtensionPoint<DbaasDriversExtensionPoint>({
    id: 'dbaas.drivers',
  });
