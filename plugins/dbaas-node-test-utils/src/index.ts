/**
 * The driver conformance suite of the JustManage dbaas backend, and the
 * helpers driver tests share.
 *
 * @packageDocumentation
 */
export { runDriverConformance } from './runDriverConformance';
export type { DriverConformanceOptions } from './runDriverConformance';
export type { SuitePlatform } from './conformance/testSpec';
export { waitFor } from './conformance/waitFor';
export { assertNoServersUnder, serverPidsUnder } from './serverProcesses';
export { dial, lanAddress } from './network';
