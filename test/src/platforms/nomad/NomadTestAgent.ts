import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { AclStore } from './acl/AclStore';
import { ClientNode } from './client/ClientNode';
import { ClientAllocUpdate } from './client/AllocRunner';
import { AgentCore } from './core';
import { Faults } from './faults';
import { Router } from './http/router';
import { isTerminal, Json, newId } from './model';
import { NomadTestAgentOptions, TestClientNodeOptions } from './options';
import { allocationRoutes } from './routes/allocations';
import { clusterRoutes } from './routes/cluster';
import { evaluationRoutes } from './routes/evaluations';
import { jobRoutes } from './routes/jobs';
import { variableRoutes } from './routes/variables';
import { Scheduler } from './scheduler/Scheduler';
import { ClusterState } from './state/ClusterState';

function nodeObject(options: TestClientNodeOptions, index: number): Json {
  const ip = options.address ?? '127.0.0.1';
  const drivers = options.drivers ?? ['raw_exec', 'exec'];
  return {
    ID: newId(),
    Name: options.name,
    Datacenter: options.datacenter ?? 'dc1',
    NodeClass: options.nodeClass ?? '',
    NodePool: 'default',
    HTTPAddr: `${ip}:4646`,
    Status: 'ready',
    StatusDescription: '',
    SchedulingEligibility: 'eligible',
    Drain: false,
    Attributes: {
      'kernel.name': 'linux',
      'unique.hostname': options.name,
      'unique.network.ip-address': ip,
      'cpu.totalcompute': String(options.cpuMHz ?? 4000),
      'memory.totalbytes': String((options.memoryMB ?? 4096) * 1024 * 1024),
      ...Object.fromEntries(drivers.map(d => [`driver.${d}`, '1'])),
    },
    Drivers: Object.fromEntries(
      drivers.map(d => [
        d,
        { Detected: true, Healthy: true, HealthDescription: 'Healthy' },
      ]),
    ),
    Meta: options.meta ?? {},
    NodeResources: {
      Cpu: { CpuShares: options.cpuMHz ?? 4000 },
      Memory: { MemoryMB: options.memoryMB ?? 4096 },
      Disk: { DiskMB: options.diskMB ?? 10_000 },
      Networks: [{ Mode: 'host', Device: 'lo', IP: ip, CIDR: `${ip}/32` }],
      MinDynamicPort: options.ports.min,
      MaxDynamicPort: options.ports.max,
    },
    ReservedResources: {
      Cpu: { CpuShares: 0 },
      Memory: { MemoryMB: 0 },
      Disk: { DiskMB: 0 },
    },
    CreateIndex: index,
    ModifyIndex: index,
  };
}

/**
 * A Nomad agent for tests, written from Nomad's HTTP API documentation: a
 * server (jobs with versions and modify indexes, plans with diffs,
 * evaluations, placement with resource fit, deployments, variables, ACLs,
 * blocking queries) and clients that run `raw_exec`/`exec` tasks as real
 * processes on this machine.
 */
export class NomadTestAgent {
  readonly faults = new Faults();
  readonly #core: AgentCore;
  readonly #server: Server;
  readonly #options: NomadTestAgentOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  #port = 0;

  static async start(options: NomadTestAgentOptions): Promise<NomadTestAgent> {
    await mkdir(options.dataDir, { recursive: true });
    const agent = new NomadTestAgent(options);
    await new Promise<void>((resolve, reject) => {
      agent.#server.once('error', reject);
      agent.#server.listen(
        options.port ?? 0,
        options.host ?? '127.0.0.1',
        resolve,
      );
    });
    agent.#port = (agent.#server.address() as AddressInfo).port;
    return agent;
  }

  private constructor(options: NomadTestAgentOptions) {
    this.#options = options;
    const state = new ClusterState();
    const region = options.region ?? 'global';
    const namespaces = new Map<string, any>();
    for (const name of ['default', ...(options.namespaces ?? [])]) {
      const index = state.commit('jobs');
      namespaces.set(name, {
        Name: name,
        Description: name === 'default' ? 'Default shared namespace' : '',
        CreateIndex: index,
        ModifyIndex: index,
      });
    }
    this.#core = {
      state,
      scheduler: new Scheduler(state),
      acl: options.acl ? new AclStore() : undefined,
      clients: new Map(),
      region,
      namespaces,
    };
    for (const [i, nodeOptions] of options.nodes.entries()) {
      const node = nodeObject(nodeOptions, state.commit('nodes'));
      state.nodes.set(node.ID, node);
      this.#core.clients.set(
        node.ID,
        new ClientNode({
          state,
          node,
          dataDir: options.dataDir,
          region,
          // The client reports after the write that woke it, as over RPC.
          report: (allocId, update) =>
            setImmediate(() => this.#clientUpdate(allocId, update)),
        }),
      );
      void i;
    }
    const router = new Router()
      .before((ctx, path) => this.faults.check(ctx, path))
      .before(ctx => {
        if (this.#core.acl) ctx.identity = this.#core.acl.resolve(ctx.token);
      });
    jobRoutes(router, this.#core);
    allocationRoutes(router, this.#core);
    evaluationRoutes(router, this.#core);
    variableRoutes(router, this.#core);
    clusterRoutes(router, this.#core);
    this.#server = createServer((req, res) => void router.handle(req, res));
  }

  get address(): string {
    return `http://${this.#options.host ?? '127.0.0.1'}:${this.#port}`;
  }

  /**
   * The agent stops listening (a restart, a network cut): connections are
   * refused until {@link NomadTestAgent.comeBack}. Its state and the
   * clients' tasks carry on, as the servers' Raft state and the clients do.
   */
  async goDown(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>(resolve => this.#server.close(() => resolve()));
  }

  /** Listens again on the same address after {@link NomadTestAgent.goDown}. */
  async comeBack(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#port, this.#options.host ?? '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
  }

  /** The bootstrap (management) token, when ACLs are enabled. */
  get managementToken(): string | undefined {
    return this.#core.acl?.management.SecretID;
  }

  get state(): ClusterState {
    return this.#core.state;
  }

  /** Creates a policy from its rules (HCL) and a client token holding it; returns the SecretID. */
  createClientToken(name: string, rules: string): string {
    const acl = this.#core.acl;
    if (!acl) throw new Error('ACLs are disabled on this agent');
    acl.putPolicy(name, rules, '', this.#core.state.commit('acl'));
    return acl.createToken(name, [name]).SecretID;
  }

  /** An operator rewrites a policy: tokens holding it get the new rules at once. */
  updatePolicy(name: string, rules: string): void {
    const acl = this.#core.acl;
    if (!acl) throw new Error('ACLs are disabled on this agent');
    acl.putPolicy(name, rules, '', this.#core.state.commit('acl'));
  }

  nodeNamed(name: string): Json {
    const node = [...this.#core.state.nodes.values()].find(
      n => n.Name === name,
    );
    if (!node) throw new Error(`No node ${name}`);
    return node;
  }

  /** PIDs of the tasks running in an allocation. */
  taskPids(allocId: string): number[] {
    for (const client of this.#core.clients.values()) {
      const runner = client.runners.get(allocId);
      if (runner)
        return [...runner.tasks.values()]
          .map(t => t.pid)
          .filter((p): p is number => !!p);
    }
    return [];
  }

  /**
   * The node stops answering: its tasks die with it, the servers mark it
   * down and its allocations lost, and evaluations replace them elsewhere.
   */
  async loseNode(name: string): Promise<void> {
    const { state, scheduler, clients } = this.#core;
    const node = this.nodeNamed(name);
    await clients.get(node.ID)!.lose();
    node.Status = 'down';
    node.StatusDescription = 'node heartbeat missed';
    node.ModifyIndex = state.commit('nodes');
    const lost = [...state.allocs.values()].filter(
      a => a.NodeID === node.ID && !isTerminal(a),
    );
    state.putAllocs(
      lost.map(a => ({
        ...a,
        DesiredStatus: 'stop',
        DesiredDescription: 'alloc is lost since its node is down',
        ClientStatus: 'lost',
        ClientDescription: 'alloc is lost since its node is down',
      })),
    );
    for (const jobKey of new Set(
      lost.map(a => `${a.Namespace}\u0000${a.JobID}`),
    )) {
      const [namespace, id] = jobKey.split('\u0000');
      const job = state.job(namespace, id)?.job;
      if (job) scheduler.enqueue(job, 'node-update', { NodeID: node.ID });
    }
  }

  /** The servers take in what a client reports of an allocation (Node.UpdateAlloc). */
  #clientUpdate(allocId: string, update: ClientAllocUpdate): void {
    const { state, scheduler } = this.#core;
    const alloc = state.allocs.get(allocId);
    if (!alloc || (isTerminal(alloc) && alloc.ClientStatus === 'lost')) return;
    const before = alloc.ClientStatus;
    state.putAllocs([{ ...alloc, ...update } as typeof alloc]);
    if (
      before !== update.ClientStatus &&
      ['complete', 'failed', 'lost'].includes(update.ClientStatus)
    ) {
      state.events.emit('capacity');
      if (update.ClientStatus === 'failed' && alloc.DesiredStatus === 'run')
        this.#reschedule(alloc);
    }
    scheduler.refreshJobStatus(alloc.Namespace, alloc.JobID);
  }

  /** A failed allocation is replaced after the reschedule policy's delay (doubling, up to MaxDelay). */
  #reschedule(alloc: Json): void {
    const group = alloc.Job.TaskGroups.find(
      (g: Json) => g.Name === alloc.TaskGroup,
    );
    const policy = group?.ReschedulePolicy ?? {};
    const attempts = alloc.RescheduleTracker?.Events?.length ?? 0;
    if (!policy.Unlimited && attempts >= (policy.Attempts ?? 0)) return;
    const factor = policy.DelayFunction === 'constant' ? 1 : 2 ** attempts;
    const delayMs =
      Math.min((policy.Delay ?? 30e9) * factor, policy.MaxDelay ?? 3600e9) /
      1e6;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      const job = this.#core.state.job(alloc.Namespace, alloc.JobID)?.job;
      if (job) this.#core.scheduler.enqueue(job, 'alloc-failure');
    }, delayMs);
    this.#timers.add(timer);
  }

  /** Stops every task (as a client shutting down would not, but a test must) and the HTTP server. */
  async stop(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#server.closeAllConnections();
    if (this.#server.listening)
      await new Promise<void>(resolve => this.#server.close(() => resolve()));
    for (const client of this.#core.clients.values()) await client.stopAll();
  }
}
