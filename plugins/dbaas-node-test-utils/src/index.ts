/**
 * The driver conformance suite of the JustManage dbaas backend.
 *
 * @packageDocumentation
 */
export { runDriverConformance } from './runDriverConformance';
export type { DriverConformanceOptions } from './runDriverConformance';
export type { SuitePlatform } from './conformance/testSpec';
