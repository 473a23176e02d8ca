/**
 * A Nomad agent for tests, written from Nomad's HTTP API documentation;
 * its clients run real processes. See NomadTestAgent.
 */
export { NomadTestAgent } from './NomadTestAgent';
export type { NomadTestAgentOptions, TestClientNodeOptions } from './options';
