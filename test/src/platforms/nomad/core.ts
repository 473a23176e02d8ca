import { AclStore } from './acl/AclStore';
import { RequestContext } from './http/router';
import { badRequest } from './http/HttpError';
import { ClusterState } from './state/ClusterState';
import { Scheduler } from './scheduler/Scheduler';
import { ClientNode } from './client/ClientNode';

/** What the HTTP routes work on: the servers' state, the scheduler, ACLs and the clients. */
export interface AgentCore {
  state: ClusterState;
  scheduler: Scheduler;
  /** Undefined when ACLs are disabled: then every request may do anything. */
  acl?: AclStore;
  clients: Map<string, ClientNode>;
  region: string;
  namespaces: Map<
    string,
    {
      Name: string;
      Description: string;
      CreateIndex: number;
      ModifyIndex: number;
    }
  >;
}

/** The namespace a request is for: `?namespace=`, or `default`. It must exist. */
export function namespaceOf(
  core: AgentCore,
  ctx: RequestContext,
  fallback?: string,
): string {
  const namespace = ctx.query.get('namespace') || fallback || 'default';
  if (!core.namespaces.has(namespace)) {
    throw badRequest(`namespace "${namespace}" does not exist`);
  }
  return namespace;
}

export function allowNamespace(
  core: AgentCore,
  ctx: RequestContext,
  namespace: string,
  capability: string,
): void {
  core.acl?.allowNamespace(ctx.identity, namespace, capability);
}
