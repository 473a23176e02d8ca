// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: edit openapi.yaml in *
// * plugins/dbaas-backend/src/schema and run `npm run generate:api`. *
// ******************************************************************
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { operations } from '@justmanage/plugin-dbaas-common';

/** The dbaas OpenAPI document, generated from src/schema/openapi.yaml. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'dbaas',
    version: '1',
    description:
      'JustManage managed Redis. Every change is accepted as an operation (202) that a worker carries out step by step; poll the operation to follow it.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  security: [
    {
      JWT: [],
    },
  ],
  components: {
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
    parameters: {
      instanceId: {
        name: 'instanceId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
        },
      },
      operationId: {
        name: 'operationId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
        },
      },
      leaseId: {
        name: 'leaseId',
        in: 'path',
        required: true,
        description: "Vault's lease id, URL-encoded (it holds slashes)",
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 255,
        },
      },
      username: {
        name: 'username',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
        },
      },
      backupId: {
        name: 'backupId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
        },
      },
    },
    responses: {
      Error: {
        description: "An error, in Backstage's error format.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Incident: {
        type: 'object',
        description:
          'A run of failed health checks, from the first to the first good one after it.',
        properties: {
          id: {
            type: 'string',
          },
          instanceId: {
            type: 'string',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          endedAt: {
            type: 'string',
            format: 'date-time',
            description: 'absent while open',
          },
          durationSeconds: {
            type: 'number',
            minimum: 0,
          },
          failedChecks: {
            type: 'integer',
            minimum: 1,
          },
          error: {
            type: 'string',
          },
        },
        required: [
          'id',
          'instanceId',
          'startedAt',
          'durationSeconds',
          'failedChecks',
        ],
        additionalProperties: false,
      },
      InstanceAvailability: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          up: {
            type: 'boolean',
            description: 'absent before the first check',
          },
          lastCheckedAt: {
            type: 'string',
            format: 'date-time',
          },
          since: {
            type: 'string',
            format: 'date-time',
          },
          trackedSince: {
            type: 'string',
            format: 'date-time',
          },
          uptime24h: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          uptime7d: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          openIncident: {
            $ref: '#/components/schemas/Incident',
          },
          incidents: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Incident',
            },
          },
        },
        required: ['instanceId', 'incidents'],
        additionalProperties: false,
      },
      InstanceStatusSummary: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/InstanceStatus',
          },
          up: {
            type: 'boolean',
          },
          lastCheckedAt: {
            type: 'string',
            format: 'date-time',
          },
          uptime24h: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          uptime7d: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          openIncident: {
            $ref: '#/components/schemas/Incident',
          },
          firingAlerts: {
            type: 'integer',
            minimum: 0,
          },
        },
        required: ['instanceId', 'name', 'owner', 'status', 'firingAlerts'],
        additionalProperties: false,
      },
      PercentRule: {
        type: 'object',
        properties: {
          enabled: {
            type: 'boolean',
          },
          thresholdPercent: {
            type: 'number',
            minimum: 1,
            maximum: 100,
          },
        },
      },
      AlertRulesPatch: {
        type: 'object',
        description:
          "Changes to an instance's alert rules; whatever is left out follows the defaults. memory and cpu fire at or above thresholdPercent, evictions above thresholdPerSecond, down after consecutiveChecks failed checks. Unknown rules and settings are refused by name.",
        properties: {
          memory: {
            $ref: '#/components/schemas/PercentRule',
          },
          cpu: {
            $ref: '#/components/schemas/PercentRule',
          },
          evictions: {
            type: 'object',
            properties: {
              enabled: {
                type: 'boolean',
              },
              thresholdPerSecond: {
                type: 'number',
                minimum: 0,
                maximum: 1000000,
              },
            },
          },
          down: {
            type: 'object',
            properties: {
              enabled: {
                type: 'boolean',
              },
              consecutiveChecks: {
                type: 'integer',
                minimum: 1,
                maximum: 100,
              },
            },
          },
          replication: {
            type: 'object',
            properties: {
              enabled: {
                type: 'boolean',
              },
            },
          },
        },
      },
      AlertRules: {
        type: 'object',
        description:
          "Thresholds of one instance's alert rules. memory: used memory at or above this share of maxmemory. cpu: CPU use at or above this share of the instance's CPU (at most one core, as Redis runs commands on one thread). evictions: keys evicted per second above this rate. down: this many health checks in a row failed. replication: a replica's link to the primary is down (replicated instances only).",
        properties: {
          memory: {
            type: 'object',
            properties: {
              enabled: {
                type: 'boolean',
              },
              thresholdPercent: {
                type: 'number',
              },
            },
            required: ['enabled', 'thresholdPercent'],
            additionalProperties: false,
          },
          cpu: {
            type: 'object',
            properties: {
              enabled: {
                type: 'boolean',
              },
              thresholdPercent: {
                type: 'number',
              },
            },
            required: ['enabled', 'thresholdPercent'],
            additionalProperties: false,
          },
          evictions: {
            type: 'object',
            properties: {
              enabled: {
                type: 'boolean',
              },
              thresholdPerSecond: {
                type: 'number',
              },
            },
            required: ['enabled', 'thresholdPerSecond'],
            additionalProperties: false,
          },
          down: {
            type: 'object',
            properties: {
              enabled: {
                type: 'boolean',
              },
              consecutiveChecks: {
                type: 'integer',
              },
            },
            required: ['enabled', 'consecutiveChecks'],
            additionalProperties: false,
          },
          replication: {
            type: 'object',
            properties: {
              enabled: {
                type: 'boolean',
              },
            },
            required: ['enabled'],
            additionalProperties: false,
          },
        },
        required: ['memory', 'cpu', 'evictions', 'down', 'replication'],
        additionalProperties: false,
      },
      AlertRuleSettings: {
        type: 'object',
        properties: {
          rules: {
            $ref: '#/components/schemas/AlertRules',
          },
          defaults: {
            $ref: '#/components/schemas/AlertRules',
          },
          overrides: {
            $ref: '#/components/schemas/AlertRulesPatch',
          },
        },
        required: ['rules', 'defaults', 'overrides'],
        additionalProperties: false,
      },
      Alert: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          instanceId: {
            type: 'string',
          },
          instanceName: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          rule: {
            type: 'string',
            enum: ['memory', 'cpu', 'evictions', 'down', 'replication'],
          },
          state: {
            type: 'string',
            enum: ['firing', 'resolved'],
          },
          message: {
            type: 'string',
          },
          value: {
            type: 'number',
          },
          threshold: {
            type: 'number',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
          },
          notifiedAt: {
            type: 'string',
            format: 'date-time',
          },
          recoveryNotifiedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'id',
          'instanceId',
          'instanceName',
          'owner',
          'rule',
          'state',
          'message',
          'startedAt',
        ],
        additionalProperties: false,
      },
      AlertList: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Alert',
            },
          },
        },
        required: ['items'],
        additionalProperties: false,
      },
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
            additionalProperties: true,
          },
          request: {
            type: 'object',
            additionalProperties: true,
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
            additionalProperties: true,
          },
        },
        required: ['error'],
        additionalProperties: true,
      },
      Engine: {
        type: 'string',
        enum: ['redis', 'valkey'],
      },
      Persistence: {
        type: 'string',
        enum: ['none', 'rdb', 'aof'],
      },
      MaxmemoryPolicy: {
        type: 'string',
        enum: [
          'noeviction',
          'allkeys-lru',
          'allkeys-lfu',
          'allkeys-random',
          'volatile-lru',
          'volatile-lfu',
          'volatile-random',
          'volatile-ttl',
        ],
      },
      InstanceStatus: {
        type: 'string',
        enum: [
          'provisioning',
          'running',
          'updating',
          'down',
          'deleting',
          'failed',
        ],
      },
      InstanceResources: {
        type: 'object',
        properties: {
          memoryMb: {
            type: 'integer',
            minimum: 16,
            maximum: 1048576,
            description: 'maxmemory in MiB',
          },
          cpu: {
            type: 'number',
            minimum: 0.1,
            maximum: 64,
          },
          diskGb: {
            type: 'integer',
            minimum: 1,
            maximum: 16384,
          },
        },
        required: ['memoryMb', 'cpu', 'diskGb'],
      },
      ResourcesPatch: {
        type: 'object',
        properties: {
          memoryMb: {
            type: 'integer',
            minimum: 16,
            maximum: 1048576,
          },
          cpu: {
            type: 'number',
            minimum: 0.1,
            maximum: 64,
          },
          diskGb: {
            type: 'integer',
            minimum: 1,
            maximum: 16384,
          },
        },
      },
      TunableConfig: {
        type: 'object',
        description:
          'Tunable Redis settings; see TUNABLE_PARAMETERS in dbaas-common (config/configParameters.ts) for the allowed keys and their rules.',
        additionalProperties: {
          type: 'string',
        },
      },
      InstanceEndpoint: {
        type: 'object',
        properties: {
          role: {
            type: 'string',
            enum: ['primary', 'replica', 'sentinel'],
          },
          host: {
            type: 'string',
          },
          port: {
            type: 'integer',
          },
          tls: {
            type: 'boolean',
          },
          tlsPort: {
            type: 'integer',
            description:
              'With TLS preferred: the TLS port beside the plain port.',
          },
          nodeId: {
            type: 'string',
            description:
              "The platform's id of the node serving at this endpoint.",
          },
        },
        required: ['role', 'host', 'port', 'tls'],
        additionalProperties: false,
      },
      InstanceHealth: {
        type: 'object',
        properties: {
          up: {
            type: 'boolean',
          },
          checkedAt: {
            type: 'string',
            format: 'date-time',
          },
          error: {
            type: 'string',
          },
          usedMemoryBytes: {
            type: 'integer',
            description: 'used_memory from INFO at the last check',
          },
          uptimeSeconds: {
            type: 'integer',
            description: 'uptime_in_seconds from INFO at the last check',
          },
        },
        required: ['up', 'checkedAt'],
        additionalProperties: false,
      },
      Instance: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          version: {
            type: 'string',
          },
          platform: {
            type: 'string',
          },
          region: {
            type: 'string',
          },
          resources: {
            $ref: '#/components/schemas/InstanceResources',
          },
          persistence: {
            $ref: '#/components/schemas/Persistence',
          },
          maxmemoryPolicy: {
            $ref: '#/components/schemas/MaxmemoryPolicy',
          },
          config: {
            $ref: '#/components/schemas/TunableConfig',
          },
          replicas: {
            type: 'integer',
            description:
              'Replicas next to the primary; 0 is standalone. Replicated instances list sentinel endpoints too.',
          },
          tls: {
            $ref: '#/components/schemas/TlsMode',
          },
          allowList: {
            allOf: [
              {
                $ref: '#/components/schemas/AllowList',
              },
            ],
            description:
              'Absent for instances made before allow-lists: the platform binds as it did.',
          },
          status: {
            $ref: '#/components/schemas/InstanceStatus',
          },
          endpoints: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/InstanceEndpoint',
            },
          },
          health: {
            $ref: '#/components/schemas/InstanceHealth',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'id',
          'name',
          'owner',
          'description',
          'engine',
          'version',
          'platform',
          'region',
          'resources',
          'persistence',
          'maxmemoryPolicy',
          'config',
          'replicas',
          'status',
          'endpoints',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        additionalProperties: false,
      },
      InstanceEvent: {
        type: 'object',
        properties: {
          type: {
            type: 'string',
            description:
              'e.g. create-requested, created, update-failed, failover',
          },
          actor: {
            type: 'string',
            description:
              'Entity ref of who caused it, or justmanage:<task> for scheduled work',
          },
          message: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['type', 'actor', 'message', 'createdAt'],
        additionalProperties: false,
      },
      AllowList: {
        type: 'object',
        description:
          'Who may connect besides the control plane. Each platform enforces it its own way; GET /platforms says how (allowList).',
        properties: {
          cidrs: {
            type: 'array',
            minItems: 1,
            maxItems: 64,
            items: {
              type: 'string',
            },
            description:
              'Networks in CIDR notation, e.g. 10.0.0.0/8 or fd00::/8; no host bits set.',
          },
          namespaces: {
            type: 'array',
            maxItems: 64,
            items: {
              type: 'string',
            },
            description:
              'Kubernetes namespaces whose pods may connect (platforms with namespaces only).',
          },
        },
        required: ['cidrs'],
        additionalProperties: false,
      },
      TlsMode: {
        type: 'string',
        enum: ['disabled', 'preferred', 'required'],
        default: 'disabled',
        description:
          "required: every node speaks TLS only, with a certificate of the instance's own CA (GET /instances/{id}/tls); clients connect with rediss:// and trust that CA. preferred: a running instance on its way to required: each node keeps its plain port and serves TLS on a second one (InstanceEndpoint.tlsPort), so clients can move one by one; PUT /instances/{id}/tls moves between the modes.",
      },
      SetTlsModeRequest: {
        type: 'object',
        properties: {
          mode: {
            $ref: '#/components/schemas/TlsMode',
          },
        },
        required: ['mode'],
        additionalProperties: false,
      },
      InstanceTls: {
        type: 'object',
        properties: {
          mode: {
            $ref: '#/components/schemas/TlsMode',
          },
          caCertificate: {
            type: 'string',
            description:
              'PEM of the CA that signs every node certificate of the instance; clients trust it.',
          },
          generation: {
            type: 'integer',
            description:
              'Counts certificate rotations; 1 for the certificates the instance was created with.',
          },
          certificatesExpireAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When the node certificates of the current generation expire.',
          },
          renewsAt: {
            type: 'string',
            format: 'date-time',
            description: 'When the control plane rotates them by itself.',
          },
        },
        required: ['mode'],
        additionalProperties: false,
      },
      CreateInstanceRequest: {
        type: 'object',
        properties: {
          name: {
            type: 'string',
            description:
              'Unique; 1 to 40 characters: lower-case letters, digits and hyphens, starting with a letter and ending with a letter or a digit.',
          },
          owner: {
            type: 'string',
            description: 'Catalog entity ref, e.g. group:default/team-a',
          },
          description: {
            type: 'string',
            maxLength: 1000,
          },
          system: {
            type: 'string',
          },
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          version: {
            type: 'string',
            pattern: '^\\d+\\.\\d+\\.\\d+(\\+[0-9A-Za-z][0-9A-Za-z.-]*)?$',
          },
          platform: {
            type: 'string',
            minLength: 1,
          },
          region: {
            type: 'string',
          },
          resources: {
            $ref: '#/components/schemas/InstanceResources',
          },
          persistence: {
            $ref: '#/components/schemas/Persistence',
          },
          maxmemoryPolicy: {
            $ref: '#/components/schemas/MaxmemoryPolicy',
          },
          config: {
            $ref: '#/components/schemas/TunableConfig',
          },
          replicas: {
            type: 'integer',
            minimum: 0,
            maximum: 5,
            default: 0,
            description:
              'Replicas next to the primary (0-5); with replicas the platform runs 3 Sentinels, and clients should connect through them.',
          },
          upgradePolicy: {
            $ref: '#/components/schemas/UpgradePolicyRequest',
          },
          tls: {
            type: 'string',
            enum: ['disabled', 'required'],
            default: 'disabled',
            description:
              'required: every node speaks TLS only from the start. A running instance moves to TLS through preferred (PUT /instances/{id}/tls).',
          },
          allowList: {
            allOf: [
              {
                $ref: '#/components/schemas/AllowList',
              },
            ],
            description:
              'Absent: the default the platform team set (dbaas.allowList.default, else loopback only).',
          },
        },
        required: [
          'name',
          'owner',
          'engine',
          'version',
          'platform',
          'region',
          'resources',
        ],
      },
      UpdateInstanceRequest: {
        type: 'object',
        properties: {
          description: {
            type: 'string',
            maxLength: 1000,
          },
          resources: {
            $ref: '#/components/schemas/ResourcesPatch',
          },
          persistence: {
            $ref: '#/components/schemas/Persistence',
          },
          maxmemoryPolicy: {
            $ref: '#/components/schemas/MaxmemoryPolicy',
          },
          config: {
            $ref: '#/components/schemas/TunableConfig',
          },
          allowList: {
            $ref: '#/components/schemas/AllowList',
          },
        },
      },
      AclPreset: {
        type: 'string',
        enum: ['read-only', 'read-write-safe', 'read-write', 'full', 'custom'],
        description:
          "read-only: reads, no dangerous commands; read-write-safe: reads, writes, transactions and pub/sub without the dangerous commands; read-write: also scripts and the dangerous data commands; full: every command but administration; custom: the user's own rules. Every user also gets -@admin.",
      },
      AclUserPassword: {
        type: 'object',
        properties: {
          createdAt: {
            type: 'string',
          },
          retiresAt: {
            type: 'string',
            description:
              'When a rotation removes this password; absent for the current one.',
          },
        },
        required: ['createdAt'],
        additionalProperties: false,
      },
      VaultLease: {
        type: 'object',
        additionalProperties: false,
        required: [
          'leaseId',
          'username',
          'role',
          'issuedBy',
          'issuedAt',
          'expiresAt',
        ],
        properties: {
          leaseId: {
            type: 'string',
          },
          username: {
            type: 'string',
          },
          role: {
            type: 'string',
          },
          issuedBy: {
            type: 'string',
          },
          issuedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          revokedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      CreateVaultStaticRoleRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'rotationPeriodSeconds'],
        properties: {
          username: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
          },
          rotationPeriodSeconds: {
            type: 'integer',
          },
        },
      },
      VaultStaticRole: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'rotationPeriodSeconds'],
        properties: {
          username: {
            type: 'string',
          },
          rotationPeriodSeconds: {
            type: 'integer',
          },
        },
      },
      VaultStaticCredentials: {
        type: 'object',
        additionalProperties: false,
        required: [
          'username',
          'password',
          'ttlSeconds',
          'rotationPeriodSeconds',
        ],
        properties: {
          username: {
            type: 'string',
          },
          password: {
            type: 'string',
          },
          ttlSeconds: {
            type: 'integer',
            description: 'Seconds until Vault rotates the password next',
          },
          rotationPeriodSeconds: {
            type: 'integer',
          },
        },
      },
      VaultStatus: {
        type: 'object',
        additionalProperties: false,
        required: ['status', 'roles', 'staticRoles', 'leases'],
        properties: {
          status: {
            type: 'string',
            enum: ['pending', 'registered', 'removing', 'unregistered'],
          },
          message: {
            type: 'string',
          },
          roles: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          staticRoles: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          leases: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/VaultLease',
            },
          },
        },
      },
      IssueVaultCredentialsRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['role'],
        properties: {
          role: {
            type: 'string',
            description:
              'A preset (read-only, read-write-safe, read-write, full)',
          },
        },
      },
      VaultCredentials: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'password', 'lease'],
        properties: {
          username: {
            type: 'string',
          },
          password: {
            type: 'string',
          },
          lease: {
            $ref: '#/components/schemas/IssuedVaultLease',
          },
        },
      },
      IssuedVaultLease: {
        type: 'object',
        additionalProperties: false,
        required: [
          'leaseId',
          'username',
          'role',
          'issuedBy',
          'issuedAt',
          'expiresAt',
          'leaseDurationSeconds',
        ],
        properties: {
          leaseId: {
            type: 'string',
          },
          username: {
            type: 'string',
          },
          role: {
            type: 'string',
          },
          issuedBy: {
            type: 'string',
          },
          issuedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          leaseDurationSeconds: {
            type: 'integer',
          },
        },
      },
      AclUser: {
        type: 'object',
        properties: {
          username: {
            type: 'string',
          },
          preset: {
            $ref: '#/components/schemas/AclPreset',
          },
          keys: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'Key patterns of a preset user; every key when empty.',
          },
          rules: {
            type: 'string',
            description:
              'The ACL rules after the passwords, as every node has them.',
          },
          managedBy: {
            type: 'string',
            enum: ['product', 'vault'],
            description:
              "Who sets its passwords: the product, or Vault's database secrets engine.",
          },
          default: {
            type: 'boolean',
            description:
              "The instance's default application user (app), made with it. It cannot be deleted or changed, only rotated.",
          },
          passwords: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AclUserPassword',
            },
          },
          rotation: {
            $ref: '#/components/schemas/AclUserRotation',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
          },
        },
        required: [
          'username',
          'preset',
          'keys',
          'rules',
          'managedBy',
          'default',
          'passwords',
          'rotation',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        additionalProperties: false,
      },
      AclUserRotation: {
        type: 'object',
        nullable: true,
        description:
          "The user's rotation schedule; null when its password is rotated on demand only.",
        properties: {
          everyDays: {
            type: 'integer',
            minimum: 1,
            maximum: 365,
          },
          graceSeconds: {
            type: 'integer',
            minimum: 0,
            description:
              'How long the old password keeps working after each scheduled rotation.',
          },
          nextAt: {
            type: 'string',
            format: 'date-time',
            description:
              'The last rotation (or the creation) plus everyDays; when already past, the next round of the scheduler rotates.',
          },
        },
        required: ['everyDays', 'graceSeconds', 'nextAt'],
        additionalProperties: false,
      },
      AclUserList: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AclUser',
            },
          },
        },
        required: ['items'],
        additionalProperties: false,
      },
      CreateAclUserRequest: {
        type: 'object',
        description:
          'See createAclUserRequestSchema in dbaas-common for the rules in words.',
        properties: {
          username: {
            type: 'string',
          },
          preset: {
            $ref: '#/components/schemas/AclPreset',
          },
          keys: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          rules: {
            type: 'string',
          },
        },
        required: ['username', 'preset'],
      },
      UpdateAclUserRequest: {
        type: 'object',
        description: "The user's whole access; what is not given is not kept.",
        properties: {
          preset: {
            $ref: '#/components/schemas/AclPreset',
          },
          keys: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          rules: {
            type: 'string',
          },
        },
        required: ['preset'],
      },
      AclUserCreated: {
        type: 'object',
        properties: {
          user: {
            $ref: '#/components/schemas/AclUser',
          },
          password: {
            type: 'string',
            description:
              'Shown this once; later through GetAclUserConnection, which is audited.',
          },
          instance: {
            $ref: '#/components/schemas/Instance',
          },
          operation: {
            $ref: '#/components/schemas/Operation',
          },
        },
        required: ['user', 'password', 'instance', 'operation'],
        additionalProperties: false,
      },
      RotateAclUserRequest: {
        type: 'object',
        properties: {
          graceSeconds: {
            type: 'integer',
            minimum: 0,
            maximum: 604800,
            description:
              'How long the old password keeps working beside the new one (default 3600; at most 7 days).',
          },
        },
      },
      SetAclUserRotationRequest: {
        type: 'object',
        description:
          'See setAclUserRotationRequestSchema in dbaas-common for the rules in words.',
        properties: {
          everyDays: {
            type: 'integer',
            minimum: 1,
            maximum: 365,
            nullable: true,
            description:
              'Rotate every this many days; null turns the schedule off.',
          },
          graceSeconds: {
            type: 'integer',
            minimum: 0,
            maximum: 604800,
            description:
              'How long the old password keeps working beside the new one (default 3600; at most 7 days, and less than everyDays).',
          },
        },
        required: ['everyDays'],
      },
      AclUserAccepted: {
        type: 'object',
        properties: {
          user: {
            $ref: '#/components/schemas/AclUser',
          },
          instance: {
            $ref: '#/components/schemas/Instance',
          },
          operation: {
            $ref: '#/components/schemas/Operation',
          },
        },
        required: ['user', 'instance', 'operation'],
        additionalProperties: false,
      },
      SetReplicasRequest: {
        type: 'object',
        properties: {
          replicas: {
            type: 'integer',
            minimum: 0,
            maximum: 5,
            description:
              "How many replicas to run next to the primary from now on (0 is standalone; at most the platform's maxReplicas).",
          },
        },
        required: ['replicas'],
      },
      OperationStep: {
        type: 'object',
        properties: {
          name: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['pending', 'running', 'succeeded', 'failed', 'skipped'],
          },
          attempts: {
            type: 'integer',
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
          error: {
            type: 'string',
          },
        },
        required: ['name', 'status', 'attempts'],
        additionalProperties: false,
      },
      OperationLogEntry: {
        type: 'object',
        properties: {
          at: {
            type: 'string',
          },
          level: {
            type: 'string',
            enum: ['info', 'warn', 'error'],
          },
          message: {
            type: 'string',
          },
        },
        required: ['at', 'level', 'message'],
        additionalProperties: false,
      },
      Operation: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          instanceId: {
            type: 'string',
          },
          instanceName: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          type: {
            type: 'string',
            enum: [
              'create',
              'update',
              'delete',
              'upgrade',
              'scan-keys',
              'replicas',
              'users',
              'certificates',
              'tls-mode',
              'backup',
              'restore',
              'restore-in-place',
            ],
          },
          status: {
            type: 'string',
            enum: ['pending', 'running', 'succeeded', 'failed'],
          },
          params: {
            type: 'object',
            additionalProperties: true,
          },
          steps: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OperationStep',
            },
          },
          log: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OperationLogEntry',
            },
          },
          error: {
            type: 'string',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
          progress: {
            $ref: '#/components/schemas/OperationProgress',
          },
          cancelRequestedBy: {
            type: 'string',
            description: 'Who asked to cancel; it ends as failed.',
          },
        },
        required: [
          'id',
          'instanceId',
          'type',
          'status',
          'params',
          'steps',
          'log',
          'createdBy',
          'createdAt',
        ],
        additionalProperties: false,
      },
      OperationProgress: {
        type: 'object',
        description: 'How far a long step has got, saved as it runs.',
        properties: {
          done: {
            type: 'integer',
            minimum: 0,
          },
          total: {
            type: 'integer',
            minimum: 0,
          },
          unit: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
          },
        },
        required: ['done', 'unit', 'updatedAt'],
        additionalProperties: false,
      },
      KeyScanRequest: {
        type: 'object',
        properties: {
          topN: {
            type: 'integer',
            minimum: 1,
            maximum: 100,
            description: 'Keys per table of the report. Default 10.',
          },
          separator: {
            type: 'string',
            minLength: 1,
            maxLength: 8,
            description:
              "Key patterns are the names up to the first separator. Default ':'.",
          },
        },
      },
      ScannedKey: {
        type: 'object',
        description:
          "A key as the scan saw it; the name is the instance's data.",
        properties: {
          db: {
            type: 'integer',
          },
          key: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          memoryBytes: {
            type: 'integer',
            description: 'MEMORY USAGE with default sampling',
          },
          elements: {
            type: 'integer',
            description: 'STRLEN, LLEN, SCARD, ZCARD, HLEN or XLEN',
          },
        },
        required: ['db', 'key', 'type', 'memoryBytes'],
        additionalProperties: false,
      },
      AnalysedKey: {
        type: 'object',
        description:
          "A key as a backup holds it; the name is the instance's data.",
        properties: {
          db: {
            type: 'integer',
          },
          key: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          elements: {
            type: 'integer',
            description:
              'Bytes of a string; elements of a list, set, zset or hash; entries of a stream.',
          },
          serializedBytes: {
            type: 'integer',
            description: 'Its type, name and value in the RDB.',
          },
          memoryBytes: {
            type: 'integer',
            description:
              'MEMORY USAGE on the live server when analysed; absent when the key is gone since the backup.',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['db', 'key', 'type', 'elements', 'serializedBytes'],
        additionalProperties: false,
      },
      BackupAnalysis: {
        type: 'object',
        description:
          "What a backup's RDB holds, read off the instance. Counts, totals, patterns and expiry come from the file (sizes as serialized); the top lists were ranked by MEMORY USAGE asked of the live server for the few biggest candidates of each type only.",
        properties: {
          backupId: {
            type: 'string',
          },
          instanceId: {
            type: 'string',
          },
          rdbVersion: {
            type: 'integer',
          },
          engineVersion: {
            type: 'string',
          },
          takenAt: {
            type: 'string',
            format: 'date-time',
          },
          durationMs: {
            type: 'integer',
            minimum: 0,
          },
          topN: {
            type: 'integer',
          },
          separator: {
            type: 'string',
          },
          keys: {
            type: 'integer',
          },
          serializedBytes: {
            type: 'integer',
          },
          memoryUsageAsked: {
            type: 'integer',
            description: 'MEMORY USAGE commands sent to the live server.',
          },
          databases: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                db: {
                  type: 'integer',
                },
                keys: {
                  type: 'integer',
                },
              },
              required: ['db', 'keys'],
              additionalProperties: false,
            },
          },
          topByMemory: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AnalysedKey',
            },
          },
          topByElements: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                },
                keys: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/AnalysedKey',
                  },
                },
              },
              required: ['type', 'keys'],
              additionalProperties: false,
            },
          },
          types: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                },
                keys: {
                  type: 'integer',
                },
                elements: {
                  type: 'integer',
                },
                serializedBytes: {
                  type: 'integer',
                },
                biggest: {
                  $ref: '#/components/schemas/AnalysedKey',
                },
              },
              required: [
                'type',
                'keys',
                'elements',
                'serializedBytes',
                'biggest',
              ],
              additionalProperties: false,
            },
          },
          patterns: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                pattern: {
                  type: 'string',
                },
                keys: {
                  type: 'integer',
                },
                serializedBytes: {
                  type: 'integer',
                },
              },
              required: ['pattern', 'keys', 'serializedBytes'],
              additionalProperties: false,
            },
          },
          otherPatterns: {
            type: 'object',
            properties: {
              groups: {
                type: 'integer',
              },
              keys: {
                type: 'integer',
              },
              serializedBytes: {
                type: 'integer',
              },
            },
            required: ['groups', 'keys', 'serializedBytes'],
            additionalProperties: false,
          },
          expiry: {
            type: 'array',
            description: 'Keys by time left to live when the backup was taken.',
            items: {
              type: 'object',
              properties: {
                label: {
                  type: 'string',
                },
                keys: {
                  type: 'integer',
                },
                serializedBytes: {
                  type: 'integer',
                },
              },
              required: ['label', 'keys', 'serializedBytes'],
              additionalProperties: false,
            },
          },
        },
        required: [
          'backupId',
          'instanceId',
          'rdbVersion',
          'takenAt',
          'durationMs',
          'topN',
          'separator',
          'keys',
          'serializedBytes',
          'memoryUsageAsked',
          'databases',
          'topByMemory',
          'topByElements',
          'types',
          'patterns',
          'otherPatterns',
          'expiry',
        ],
        additionalProperties: false,
      },
      KeyScanReport: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          operationId: {
            type: 'string',
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
          durationMs: {
            type: 'integer',
          },
          topN: {
            type: 'integer',
          },
          separator: {
            type: 'string',
          },
          keysScanned: {
            type: 'integer',
          },
          memoryBytes: {
            type: 'integer',
          },
          databases: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                db: {
                  type: 'integer',
                },
                keys: {
                  type: 'integer',
                },
              },
              required: ['db', 'keys'],
              additionalProperties: false,
            },
          },
          topByMemory: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScannedKey',
            },
          },
          topByElements: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                },
                keys: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/ScannedKey',
                  },
                },
              },
              required: ['type', 'keys'],
              additionalProperties: false,
            },
          },
          types: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                },
                keys: {
                  type: 'integer',
                },
                memoryBytes: {
                  type: 'integer',
                },
                biggest: {
                  $ref: '#/components/schemas/ScannedKey',
                },
              },
              required: ['type', 'keys', 'memoryBytes', 'biggest'],
              additionalProperties: false,
            },
          },
          patterns: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                pattern: {
                  type: 'string',
                },
                keys: {
                  type: 'integer',
                },
                memoryBytes: {
                  type: 'integer',
                },
              },
              required: ['pattern', 'keys', 'memoryBytes'],
              additionalProperties: false,
            },
          },
          otherPatterns: {
            type: 'object',
            properties: {
              groups: {
                type: 'integer',
              },
              keys: {
                type: 'integer',
              },
              memoryBytes: {
                type: 'integer',
              },
            },
            required: ['groups', 'keys', 'memoryBytes'],
            additionalProperties: false,
          },
          latency: {
            type: 'object',
            properties: {
              baselineMs: {
                type: 'number',
              },
              limitMs: {
                type: 'number',
              },
              p99Ms: {
                type: 'number',
              },
              maxMs: {
                type: 'number',
              },
              backoffs: {
                type: 'integer',
              },
            },
            required: ['baselineMs', 'limitMs', 'p99Ms', 'maxMs', 'backoffs'],
            additionalProperties: false,
          },
        },
        required: [
          'instanceId',
          'operationId',
          'startedAt',
          'finishedAt',
          'durationMs',
          'topN',
          'separator',
          'keysScanned',
          'memoryBytes',
          'databases',
          'topByMemory',
          'topByElements',
          'types',
          'patterns',
          'otherPatterns',
          'latency',
        ],
        additionalProperties: false,
      },
      BackupKeyspace: {
        type: 'object',
        description:
          'Keys and keys with a TTL of each database that holds any, by database number.',
        additionalProperties: {
          type: 'object',
          properties: {
            keys: {
              type: 'integer',
              minimum: 0,
            },
            expires: {
              type: 'integer',
              minimum: 0,
            },
          },
          required: ['keys', 'expires'],
          additionalProperties: false,
        },
      },
      BackupManifest: {
        type: 'object',
        description: 'What a backup holds, as recorded when it was taken.',
        properties: {
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          version: {
            type: 'string',
          },
          rdbVersion: {
            type: 'integer',
            description:
              'The RDB format version of its data file (10 for redis 7.0, 11 for 7.2 and valkey 8).',
          },
          keyspace: {
            $ref: '#/components/schemas/BackupKeyspace',
          },
          digest: {
            type: 'string',
            description:
              'SHA-256 over the key counts and the digests of up to 200 sampled values; a restore must read the same.',
          },
          nodeId: {
            type: 'string',
          },
          nodeRole: {
            type: 'string',
            enum: ['primary', 'replica'],
          },
          users: {
            type: 'array',
            items: {
              type: 'string',
            },
            description:
              'The ACL users the backup holds (their rules and password hashes are inside, encrypted).',
          },
        },
        required: [
          'engine',
          'version',
          'rdbVersion',
          'keyspace',
          'digest',
          'nodeId',
          'nodeRole',
          'users',
        ],
        additionalProperties: false,
      },
      Backup: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          instanceId: {
            type: 'string',
          },
          instanceName: {
            type: 'string',
          },
          operationId: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['running', 'complete', 'failed'],
          },
          trigger: {
            type: 'string',
            enum: ['manual', 'policy', 'safety'],
            description:
              'safety: taken by a restore in place before it replaced the data.',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          ageSeconds: {
            type: 'integer',
            minimum: 0,
          },
          sizeBytes: {
            type: 'integer',
            minimum: 0,
            description: 'The RDB, before encryption.',
          },
          storedBytes: {
            type: 'integer',
            minimum: 0,
            description: 'Everything the store keeps for it, encrypted.',
          },
          manifest: {
            $ref: '#/components/schemas/BackupManifest',
          },
          error: {
            type: 'string',
          },
        },
        required: [
          'id',
          'instanceId',
          'instanceName',
          'operationId',
          'status',
          'trigger',
          'createdAt',
          'ageSeconds',
        ],
        additionalProperties: false,
      },
      BackupAccepted: {
        type: 'object',
        properties: {
          backup: {
            $ref: '#/components/schemas/Backup',
          },
          operation: {
            $ref: '#/components/schemas/Operation',
          },
        },
        required: ['backup', 'operation'],
        additionalProperties: false,
      },
      BackupSchedule: {
        type: 'object',
        description: 'Either every N hours, or daily at a time in a zone.',
        properties: {
          everyHours: {
            type: 'integer',
            minimum: 1,
            maximum: 168,
          },
          dailyAt: {
            type: 'string',
            description: 'HH:MM, 24-hour clock',
          },
          timeZone: {
            type: 'string',
            description: 'IANA zone of dailyAt; default UTC',
          },
        },
      },
      BackupRetention: {
        type: 'object',
        properties: {
          count: {
            type: 'integer',
            minimum: 1,
            maximum: 1000,
            description: 'Keep at most this many complete backups.',
          },
          maxAgeDays: {
            type: 'integer',
            minimum: 1,
            maximum: 3650,
            description:
              'Remove complete backups older than this; the newest is always kept.',
          },
        },
        required: ['count', 'maxAgeDays'],
      },
      BackupPolicy: {
        type: 'object',
        properties: {
          enabled: {
            type: 'boolean',
          },
          schedule: {
            $ref: '#/components/schemas/BackupSchedule',
          },
          retention: {
            $ref: '#/components/schemas/BackupRetention',
          },
        },
        required: ['enabled', 'schedule', 'retention'],
      },
      BackupPolicyView: {
        type: 'object',
        properties: {
          policy: {
            $ref: '#/components/schemas/BackupPolicy',
          },
          isDefault: {
            type: 'boolean',
            description:
              'No policy was set: on for instances with persistence, off without.',
          },
          nextBackupAt: {
            type: 'string',
            format: 'date-time',
          },
          lastBackupAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['policy', 'isDefault'],
        additionalProperties: false,
      },
      RestoreInPlaceRequest: {
        type: 'object',
        properties: {
          confirm: {
            type: 'string',
            description:
              "The instance's name, typed: writes made since the backup are lost.",
          },
        },
        required: ['confirm'],
      },
      RestoreBackupRequest: {
        type: 'object',
        description:
          'The new instance; what is left out is as the backed-up instance had it.',
        properties: {
          name: {
            type: 'string',
            description:
              "The new instance's name (the rule of instance names).",
          },
          owner: {
            type: 'string',
          },
          description: {
            type: 'string',
            maxLength: 1000,
          },
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          version: {
            type: 'string',
            pattern: '^\\d+\\.\\d+\\.\\d+(\\+[0-9A-Za-z][0-9A-Za-z.-]*)?$',
          },
          platform: {
            type: 'string',
            minLength: 1,
          },
          region: {
            type: 'string',
          },
          resources: {
            $ref: '#/components/schemas/InstanceResources',
          },
          persistence: {
            $ref: '#/components/schemas/Persistence',
          },
        },
        required: ['name'],
      },
      Accepted: {
        type: 'object',
        properties: {
          instance: {
            $ref: '#/components/schemas/Instance',
          },
          operation: {
            $ref: '#/components/schemas/Operation',
          },
        },
        required: ['instance', 'operation'],
        additionalProperties: false,
      },
      UpgradeRequest: {
        type: 'object',
        description:
          'An upgrade or downgrade of the engine; see UpgradeRequest in dbaas-common.',
        properties: {
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          version: {
            type: 'string',
            pattern: '^\\d+\\.\\d+\\.\\d+(\\+[0-9A-Za-z][0-9A-Za-z.-]*)?$',
          },
          dryRun: {
            type: 'boolean',
            description: 'Return the steps that would run; change nothing.',
          },
          restoreSnapshot: {
            type: 'boolean',
            description:
              'For a target that cannot load the data, restore the newest snapshot it can load; later writes are lost.',
          },
          confirm: {
            type: 'string',
            maxLength: 100,
            description: 'The instance name, required with restoreSnapshot.',
          },
        },
        required: ['engine', 'version'],
        additionalProperties: false,
      },
      UpgradeCandidate: {
        type: 'object',
        properties: {
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          version: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['patch', 'minor', 'major', 'downgrade'],
          },
          fixes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          openAdvisories: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          breakingChanges: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          releaseNotesUrl: {
            type: 'string',
          },
          available: {
            type: 'boolean',
          },
          rdbCompatible: {
            type: 'boolean',
          },
          strategy: {
            type: 'string',
            enum: ['restart', 'rolling', 'snapshot-restore'],
          },
          expectedDowntimeSeconds: {
            type: 'number',
          },
          blockedReason: {
            type: 'string',
          },
        },
        required: [
          'engine',
          'version',
          'kind',
          'fixes',
          'openAdvisories',
          'breakingChanges',
          'available',
          'rdbCompatible',
          'strategy',
          'expectedDowntimeSeconds',
        ],
        additionalProperties: false,
      },
      UpgradePreview: {
        type: 'object',
        properties: {
          candidate: {
            $ref: '#/components/schemas/UpgradeCandidate',
          },
          steps: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: {
                  type: 'string',
                },
                description: {
                  type: 'string',
                },
              },
              required: ['name', 'description'],
              additionalProperties: false,
            },
          },
          dataLossWarning: {
            type: 'string',
          },
        },
        required: ['candidate', 'steps'],
        additionalProperties: false,
      },
      MaintenanceWindow: {
        type: 'object',
        description:
          'Days (ISO, 1 = Monday), start and end wall-clock times in an IANA zone; an end at or before the start is on the next day.',
        properties: {
          days: {
            type: 'array',
            items: {
              type: 'integer',
              enum: [1, 2, 3, 4, 5, 6, 7],
            },
          },
          start: {
            type: 'string',
            pattern: '^\\d{2}:\\d{2}$',
          },
          end: {
            type: 'string',
            pattern: '^\\d{2}:\\d{2}$',
          },
          timeZone: {
            type: 'string',
          },
          zoneAbbreviation: {
            type: 'string',
          },
        },
        required: ['days', 'start', 'end', 'timeZone'],
        additionalProperties: false,
      },
      PolicyWindow: {
        type: 'object',
        properties: {
          phrase: {
            type: 'string',
            description:
              'The normalized phrase, e.g. "Sun 02:00-03:00 Asia/Kolkata (IST)"',
          },
          window: {
            $ref: '#/components/schemas/MaintenanceWindow',
          },
          notes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['phrase', 'window', 'notes'],
        additionalProperties: false,
      },
      PlannedOpening: {
        type: 'object',
        properties: {
          windowIndex: {
            type: 'integer',
          },
          phrase: {
            type: 'string',
          },
          start: {
            type: 'string',
            format: 'date-time',
          },
          end: {
            type: 'string',
            format: 'date-time',
          },
          skipped: {
            type: 'string',
            enum: ['snoozed', 'blackout'],
          },
        },
        required: ['windowIndex', 'phrase', 'start', 'end'],
        additionalProperties: false,
      },
      UpgradePolicy: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          mode: {
            type: 'string',
            enum: ['manual', 'auto-patch'],
          },
          securityOnly: {
            type: 'boolean',
          },
          windows: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PolicyWindow',
            },
          },
          blackoutDates: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          snoozedUntil: {
            type: 'string',
            format: 'date-time',
          },
          nextOpenings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PlannedOpening',
            },
          },
          updatedAt: {
            type: 'string',
          },
          updatedBy: {
            type: 'string',
          },
        },
        required: [
          'instanceId',
          'mode',
          'securityOnly',
          'windows',
          'blackoutDates',
          'nextOpenings',
        ],
        additionalProperties: false,
      },
      UpgradePolicyRequest: {
        type: 'object',
        description:
          'manual, or auto-patch inside the windows, given as phrases such as "Sundays 02:00-03:00 IST" (docs/maintenance-windows.md). A phrase that cannot be read is a 400 naming it, e.g. "windows.1: Unknown day ...".',
        properties: {
          mode: {
            type: 'string',
          },
          securityOnly: {
            type: 'boolean',
          },
          windows: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          blackoutDates: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['mode'],
      },
      SnoozeRequest: {
        type: 'object',
        properties: {
          cancel: {
            type: 'boolean',
            description: 'End the snooze instead.',
          },
        },
      },
      MaintenanceDecision: {
        type: 'object',
        properties: {
          id: {
            type: 'integer',
          },
          instanceId: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          outcome: {
            type: 'string',
            enum: ['started', 'skipped', 'notified', 'succeeded', 'failed'],
          },
          reason: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          target: {
            type: 'string',
          },
          operationId: {
            type: 'string',
          },
        },
        required: ['id', 'instanceId', 'at', 'outcome', 'reason', 'message'],
        additionalProperties: false,
      },
      MaintenanceDecisionList: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/MaintenanceDecision',
            },
          },
        },
        required: ['items'],
        additionalProperties: false,
      },
      Platform: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          regions: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          engines: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                engine: {
                  $ref: '#/components/schemas/Engine',
                },
                versions: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
              required: ['engine', 'versions'],
              additionalProperties: false,
            },
          },
          ha: {
            type: 'object',
            properties: {
              replicas: {
                type: 'boolean',
              },
              maxReplicas: {
                type: 'integer',
              },
            },
            required: ['replicas', 'maxReplicas'],
            additionalProperties: false,
          },
          allowList: {
            type: 'object',
            description: "How the platform enforces an instance's allow-list.",
            properties: {
              reachable: {
                type: 'array',
                items: {
                  type: 'string',
                },
                description:
                  'The networks clients can reach the platform from at all; an allow-list must lie inside them.',
              },
              sourceFiltering: {
                type: 'boolean',
                description:
                  'Whether connections from outside the allow-list are refused by source address.',
              },
              namespaces: {
                type: 'boolean',
              },
              note: {
                type: 'string',
                description: 'What it cannot enforce, in words.',
              },
            },
            required: ['reachable', 'sourceFiltering', 'namespaces', 'note'],
            additionalProperties: false,
          },
          limits: {
            type: 'object',
            properties: {
              memoryMb: {
                $ref: '#/components/schemas/Range',
              },
              cpu: {
                $ref: '#/components/schemas/Range',
              },
              diskGb: {
                $ref: '#/components/schemas/Range',
              },
            },
            required: ['memoryMb', 'cpu', 'diskGb'],
            additionalProperties: false,
          },
        },
        required: ['id', 'title', 'regions', 'engines', 'ha', 'limits'],
        additionalProperties: false,
      },
      Severity: {
        type: 'string',
        enum: ['low', 'medium', 'high', 'critical'],
      },
      AffectedRange: {
        type: 'object',
        description:
          'Where one branch (major.minor) is affected by an advisory.',
        properties: {
          branch: {
            type: 'string',
          },
          introduced: {
            type: 'string',
          },
          fixed: {
            type: 'string',
            description:
              'First release on the branch with the fix; absent: not fixed on the branch.',
          },
          fixedBuilds: {
            type: 'array',
            items: {
              type: 'string',
            },
            description:
              'Distribution builds (e.g. 7.0.15+deb12u10) of otherwise affected versions that carry the fix; later builds of the same series carry it too.',
          },
        },
        required: ['branch'],
        additionalProperties: false,
      },
      Advisory: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          aliases: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          cvss: {
            type: 'number',
          },
          cvssVector: {
            type: 'string',
          },
          summary: {
            type: 'string',
          },
          published: {
            type: 'string',
          },
          affected: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AffectedRange',
            },
          },
          links: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          source: {
            type: 'string',
          },
          requires: {
            type: 'array',
            items: {
              type: 'string',
              enum: ['tls'],
            },
            description:
              'Features the flaw is reached through; an instance that does not use them (no TLS endpoint) is not exposed to it.',
          },
        },
        required: [
          'id',
          'engine',
          'severity',
          'summary',
          'published',
          'affected',
          'links',
        ],
        additionalProperties: false,
      },
      VersionRelease: {
        type: 'object',
        properties: {
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          version: {
            type: 'string',
          },
          releaseDate: {
            type: 'string',
          },
          endOfSupport: {
            type: 'string',
          },
          rdbVersion: {
            type: 'integer',
          },
          rdbVersionAssumed: {
            type: 'boolean',
          },
          releaseNotesUrl: {
            type: 'string',
          },
          breakingChanges: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          source: {
            type: 'string',
          },
        },
        required: ['engine', 'version', 'releaseDate', 'rdbVersion'],
        additionalProperties: false,
      },
      AdvisoryFeedStatus: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
          ok: {
            type: 'boolean',
          },
          checkedAt: {
            type: 'string',
          },
          lastSuccessAt: {
            type: 'string',
          },
          error: {
            type: 'string',
            description:
              'Why the last refresh failed; the last good data stays in place.',
          },
        },
        required: ['id', 'url', 'ok'],
        additionalProperties: false,
      },
      VersionCatalogSnapshot: {
        type: 'object',
        properties: {
          releases: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/VersionRelease',
            },
          },
          advisories: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Advisory',
            },
          },
          feeds: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AdvisoryFeedStatus',
            },
          },
          updatedAt: {
            type: 'string',
          },
        },
        required: ['releases', 'advisories', 'feeds', 'updatedAt'],
        additionalProperties: false,
      },
      InstanceAdvisories: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          version: {
            type: 'string',
          },
          advisories: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Advisory',
            },
          },
          worstSeverity: {
            $ref: '#/components/schemas/Severity',
          },
        },
        required: ['instanceId', 'engine', 'version', 'advisories'],
        additionalProperties: false,
      },
      InstanceSecurity: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          engine: {
            $ref: '#/components/schemas/Engine',
          },
          version: {
            type: 'string',
          },
          advisories: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Advisory',
            },
          },
          worstSeverity: {
            $ref: '#/components/schemas/Severity',
          },
        },
        required: [
          'instanceId',
          'name',
          'owner',
          'engine',
          'version',
          'advisories',
        ],
        additionalProperties: false,
      },
      UpgradePlan: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          current: {
            type: 'object',
            properties: {
              engine: {
                $ref: '#/components/schemas/Engine',
              },
              version: {
                type: 'string',
              },
              rdbVersion: {
                type: 'integer',
              },
            },
            required: ['engine', 'version'],
            additionalProperties: false,
          },
          candidates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/UpgradeCandidate',
            },
          },
        },
        required: ['instanceId', 'current', 'candidates'],
        additionalProperties: false,
      },
      Range: {
        type: 'object',
        properties: {
          min: {
            type: 'number',
          },
          max: {
            type: 'number',
          },
        },
        required: ['min', 'max'],
        additionalProperties: false,
      },
      ConnectionDetails: {
        type: 'object',
        properties: {
          host: {
            type: 'string',
          },
          port: {
            type: 'integer',
          },
          tls: {
            type: 'boolean',
          },
          username: {
            type: 'string',
          },
          password: {
            type: 'string',
          },
          url: {
            type: 'string',
            description: 'redis:// or rediss:// URL without the password',
          },
          caCertificate: {
            type: 'string',
            description: 'With TLS: PEM of the CA the client must trust.',
          },
          tlsUrl: {
            type: 'string',
            description:
              'With TLS preferred: the rediss:// URL of the TLS port, without the password; url is still the plain one.',
          },
          sentinel: {
            type: 'object',
            description:
              'Replicated instances only. Clients that find the primary through these Sentinels follow failovers; the same username and password log in to them.',
            properties: {
              masterName: {
                type: 'string',
              },
              endpoints: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    host: {
                      type: 'string',
                    },
                    port: {
                      type: 'integer',
                    },
                  },
                  required: ['host', 'port'],
                  additionalProperties: false,
                },
              },
            },
            required: ['masterName', 'endpoints'],
            additionalProperties: false,
          },
        },
        required: ['host', 'port', 'tls', 'username', 'password', 'url'],
        additionalProperties: false,
      },
      MetricName: {
        type: 'string',
        enum: [
          'cpu_percent',
          'memory_used_bytes',
          'memory_max_bytes',
          'memory_rss_bytes',
          'disk_used_bytes',
          'connected_clients',
          'ops_per_sec',
          'keys',
          'expiring_keys',
          'hit_ratio',
          'hits_per_sec',
          'misses_per_sec',
          'evictions_per_sec',
          'expired_per_sec',
          'net_in_bytes_per_sec',
          'net_out_bytes_per_sec',
        ],
      },
      MetricPoint: {
        type: 'object',
        description:
          'Minimum, average and maximum of the samples in the step starting at time.',
        properties: {
          time: {
            type: 'string',
            format: 'date-time',
          },
          min: {
            type: 'number',
          },
          avg: {
            type: 'number',
          },
          max: {
            type: 'number',
          },
        },
        required: ['time', 'min', 'avg', 'max'],
        additionalProperties: false,
      },
      MetricSeriesResponse: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          stepSeconds: {
            type: 'integer',
          },
          resolution: {
            type: 'string',
            enum: ['raw', 'rollup'],
            description:
              'raw samples, or 5-minute rollups for ranges older than the raw retention',
          },
          series: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                metric: {
                  $ref: '#/components/schemas/MetricName',
                },
                points: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/MetricPoint',
                  },
                },
              },
              required: ['metric', 'points'],
              additionalProperties: false,
            },
          },
        },
        required: [
          'instanceId',
          'from',
          'to',
          'stepSeconds',
          'resolution',
          'series',
        ],
        additionalProperties: false,
      },
      MetricSnapshot: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          collectedAt: {
            type: 'string',
            format: 'date-time',
          },
          values: {
            type: 'object',
            description:
              'The newest value of each metric; rates are absent right after a restart, hit_ratio while nothing was looked up.',
            additionalProperties: {
              type: 'number',
            },
          },
        },
        required: ['instanceId', 'collectedAt', 'values'],
        additionalProperties: false,
      },
      KeyspaceReport: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          readAt: {
            type: 'string',
            format: 'date-time',
          },
          databases: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                db: {
                  type: 'integer',
                },
                keys: {
                  type: 'integer',
                },
                expiringKeys: {
                  type: 'integer',
                },
                averageTtlSeconds: {
                  type: 'number',
                },
              },
              required: ['db', 'keys', 'expiringKeys'],
              additionalProperties: false,
            },
          },
        },
        required: ['instanceId', 'readAt', 'databases'],
        additionalProperties: false,
      },
      SlowLogEntry: {
        type: 'object',
        description:
          'A command that ran longer than slowlog-log-slower-than. Only its name, its first key and how many further arguments it had are given: values, passwords and every other argument stay on the instance.',
        properties: {
          id: {
            type: 'integer',
            description: "The slow log's own id of the entry",
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          durationMicros: {
            type: 'integer',
            minimum: 0,
          },
          command: {
            type: 'string',
            description:
              'The command, with the subcommand of container commands (CONFIG SET)',
          },
          key: {
            type: 'string',
            description:
              'The first key the command names (as the slow log kept it, longer keys cut at 128 bytes); absent for commands without keys',
          },
          redactedArguments: {
            type: 'integer',
            minimum: 0,
            description: 'Arguments after the command and the key, not shown',
          },
          client: {
            type: 'string',
            description: "The client's address",
          },
          clientName: {
            type: 'string',
          },
        },
        required: [
          'id',
          'startedAt',
          'durationMicros',
          'command',
          'redactedArguments',
        ],
        additionalProperties: false,
      },
      SlowLog: {
        type: 'object',
        description:
          "The newest slow commands of the primary, newest first; the control plane's own commands left out.",
        properties: {
          instanceId: {
            type: 'string',
          },
          readAt: {
            type: 'string',
            format: 'date-time',
          },
          slowerThanMicros: {
            type: 'integer',
            description:
              'slowlog-log-slower-than: commands slower than this are logged; 0 every command, negative none',
          },
          maxLength: {
            type: 'integer',
            description: 'slowlog-max-len: how many entries the instance keeps',
          },
          entries: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SlowLogEntry',
            },
          },
        },
        required: [
          'instanceId',
          'readAt',
          'slowerThanMicros',
          'maxLength',
          'entries',
        ],
        additionalProperties: false,
      },
      LatencyEvent: {
        type: 'object',
        description:
          'One kind of event the latency monitor recorded (LATENCY LATEST).',
        properties: {
          event: {
            type: 'string',
            description:
              'e.g. command, fast-command, fork, expire-cycle, aof-fsync-always',
          },
          latestAt: {
            type: 'string',
            format: 'date-time',
          },
          latestMs: {
            type: 'integer',
            minimum: 0,
          },
          maxMs: {
            type: 'integer',
            minimum: 0,
          },
        },
        required: ['event', 'latestAt', 'latestMs', 'maxMs'],
        additionalProperties: false,
      },
      LatencyReport: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          readAt: {
            type: 'string',
            format: 'date-time',
          },
          thresholdMs: {
            type: 'integer',
            description:
              'latency-monitor-threshold: events slower than this are recorded; 0 the monitor is off',
          },
          events: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/LatencyEvent',
            },
          },
        },
        required: ['instanceId', 'readAt', 'thresholdMs', 'events'],
        additionalProperties: false,
      },
      ConfigChangeRequest: {
        type: 'object',
        description:
          'The configuration part of UpdateInstanceRequest; config replaces the whole map, as it does there.',
        properties: {
          maxmemoryPolicy: {
            $ref: '#/components/schemas/MaxmemoryPolicy',
          },
          config: {
            $ref: '#/components/schemas/TunableConfig',
          },
        },
      },
      ConfigChange: {
        type: 'object',
        properties: {
          parameter: {
            type: 'string',
            description: 'The name in redis.conf',
          },
          from: {
            type: 'string',
            description:
              "The value now; the engine's default when the instance does not set it",
          },
          to: {
            type: 'string',
          },
          applies: {
            type: 'string',
            enum: ['live', 'restart'],
            description:
              'live: CONFIG SET on the running server; restart: at its next start',
          },
          note: {
            type: 'string',
          },
        },
        required: ['parameter', 'from', 'to', 'applies', 'note'],
        additionalProperties: false,
      },
      ConfigChangePreview: {
        type: 'object',
        properties: {
          changes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ConfigChange',
            },
          },
          restartNeeded: {
            type: 'boolean',
            description:
              'Some change takes effect only when the server restarts',
          },
        },
        required: ['changes', 'restartNeeded'],
        additionalProperties: false,
      },
      ReplicaLink: {
        type: 'object',
        properties: {
          host: {
            type: 'string',
          },
          port: {
            type: 'integer',
          },
          state: {
            type: 'string',
          },
          offset: {
            type: 'number',
          },
          lagBytes: {
            type: 'number',
          },
          lagSeconds: {
            type: 'number',
          },
        },
        required: ['host', 'port', 'state', 'offset', 'lagBytes'],
        additionalProperties: false,
      },
      ReplicationNode: {
        type: 'object',
        properties: {
          host: {
            type: 'string',
          },
          port: {
            type: 'integer',
          },
          role: {
            type: 'string',
            enum: ['primary', 'replica'],
          },
          offset: {
            type: 'number',
          },
          primaryLink: {
            type: 'object',
            properties: {
              host: {
                type: 'string',
              },
              port: {
                type: 'integer',
              },
              status: {
                type: 'string',
                enum: ['up', 'down'],
              },
              lastIoSecondsAgo: {
                type: 'number',
              },
              syncInProgress: {
                type: 'boolean',
              },
            },
            required: ['host', 'port', 'status', 'syncInProgress'],
            additionalProperties: false,
          },
          error: {
            type: 'string',
          },
        },
        required: ['host', 'port', 'role', 'offset'],
        additionalProperties: false,
      },
      ReplicationReport: {
        type: 'object',
        properties: {
          instanceId: {
            type: 'string',
          },
          readAt: {
            type: 'string',
            format: 'date-time',
          },
          role: {
            type: 'string',
            enum: ['primary', 'replica'],
          },
          connectedReplicas: {
            type: 'integer',
          },
          replicas: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReplicaLink',
            },
          },
          nodes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReplicationNode',
            },
          },
        },
        required: [
          'instanceId',
          'readAt',
          'role',
          'connectedReplicas',
          'replicas',
          'nodes',
        ],
        additionalProperties: false,
      },
    },
  },
  paths: {
    '/metrics': {
      get: {
        operationId: 'GetPrometheusMetrics',
        description:
          "Every instance's latest reading in Prometheus text format 0.0.4, with redis_exporter's metric names and the labels instance, owner, platform and region (docs/metrics.md). Send the token of dbaas.metrics.prometheus.token as a bearer token, or Backstage service credentials; user tokens are refused.",
        security: [],
        responses: {
          '200': {
            description: 'The exposition',
            content: {
              'text/plain': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/metrics': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetMetricSeries',
        description:
          "Time series of the instance's metrics, min/avg/max per step. Raw samples answer ranges within their retention (24 hours by default); older ranges come from 5-minute rollups (30 days by default).",
        parameters: [
          {
            name: 'metric',
            in: 'query',
            allowReserved: true,
            required: false,
            description: 'Comma-separated metric names; all when absent.',
            schema: {
              type: 'string',
              maxLength: 1000,
            },
          },
          {
            name: 'from',
            in: 'query',
            allowReserved: true,
            required: false,
            description: 'ISO 8601 date-time; default one hour before to.',
            schema: {
              type: 'string',
              maxLength: 40,
            },
          },
          {
            name: 'to',
            in: 'query',
            allowReserved: true,
            required: false,
            description: 'ISO 8601 date-time; default now.',
            schema: {
              type: 'string',
              maxLength: 40,
            },
          },
          {
            name: 'step',
            in: 'query',
            allowReserved: true,
            required: false,
            description:
              'Seconds per point; by default about 300 points over the range. Rounded up to whole 5 minutes when rollups answer.',
            schema: {
              type: 'string',
              maxLength: 12,
            },
          },
        ],
        responses: {
          '200': {
            description: 'One series per metric',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MetricSeriesResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/metrics/latest': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetLatestMetrics',
        description:
          'The values of the last successful collection; 404 before the first.',
        responses: {
          '200': {
            description: 'The latest snapshot',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MetricSnapshot',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/keyspace': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetKeyspace',
        description:
          'Keys, expiring keys and average TTL per database, asked of the primary now.',
        responses: {
          '200': {
            description: 'The keyspace',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KeyspaceReport',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/replication': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetReplication',
        description:
          "The primary's role and replicas (state, offset, lag), and each replica's link to the primary, asked of the nodes now.",
        responses: {
          '200': {
            description: 'The replication state',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReplicationReport',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/slowlog': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetSlowLog',
        description:
          'The newest slow commands of the primary (SLOWLOG GET), asked now: each with its command, its first key and its duration; every other argument is left out. Needs the read permission.',
        parameters: [
          {
            name: 'count',
            in: 'query',
            allowReserved: true,
            required: false,
            description: 'How many entries, newest first (1-128, default 50).',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 128,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The slow log',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SlowLog',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/latency': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetLatency',
        description:
          "The latency monitor's newest and worst event of each kind on the primary (LATENCY LATEST), asked now. Needs the read permission.",
        responses: {
          '200': {
            description: 'The latency events',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/LatencyReport',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/config/preview': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      post: {
        operationId: 'PreviewConfigChange',
        description:
          'What PATCH /instances/{instanceId} with these settings would change, and whether each change applies live (CONFIG SET) or at the next restart. Changes nothing; refuses what the PATCH would refuse (400 naming the field and the rule). Needs the update permission.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ConfigChangeRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The changes',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ConfigChangePreview',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/status': {
      get: {
        operationId: 'GetFleetStatus',
        description:
          'Every instance the caller may read: up or down, uptime over 24 hours and 7 days, the open incident and how many alerts fire.',
        responses: {
          '200': {
            description: 'One line per instance',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/InstanceStatusSummary',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/alerts': {
      get: {
        operationId: 'ListAlerts',
        description:
          'Alerts of every instance the caller may read: firing ones, and those resolved within the last 7 days.',
        parameters: [
          {
            name: 'state',
            in: 'query',
            allowReserved: true,
            required: false,
            schema: {
              type: 'string',
              enum: ['firing', 'resolved'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Alerts, newest first',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/availability': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetAvailability',
        description:
          'Up or down now, uptime over 24 hours and 7 days (of the time health checks covered), and the incidents of the last 7 days.',
        responses: {
          '200': {
            description: 'Availability',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/InstanceAvailability',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/alert-rules': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetAlertRules',
        description:
          'The rules in force, the defaults, and what this instance changed.',
        responses: {
          '200': {
            description: 'Alert rules',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertRuleSettings',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      put: {
        operationId: 'UpdateAlertRules',
        description:
          "Replaces the instance's changes to the default rules. Needs the update permission; audited. A bad threshold is a 400 naming the field.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/AlertRulesPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The rules now in force',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertRuleSettings',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/alerts': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'ListInstanceAlerts',
        description:
          "The instance's firing alerts and those resolved within the last 7 days.",
        parameters: [
          {
            name: 'state',
            in: 'query',
            allowReserved: true,
            required: false,
            schema: {
              type: 'string',
              enum: ['firing', 'resolved'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Alerts, newest first',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/health': {
      get: {
        operationId: 'GetHealth',
        description: 'Liveness of the plugin; no credentials needed.',
        security: [],
        responses: {
          '200': {
            description: 'Healthy',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['ok'],
                    },
                  },
                  required: ['status'],
                  additionalProperties: false,
                },
              },
            },
          },
        },
      },
    },
    '/platforms': {
      get: {
        operationId: 'ListPlatforms',
        description:
          'The drivers, with the regions, engines, versions and limits each can run.',
        responses: {
          '200': {
            description: 'Platforms',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Platform',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances': {
      get: {
        operationId: 'ListInstances',
        description: 'The instances the caller may read.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'status',
            in: 'query',
            allowReserved: true,
            required: false,
            schema: {
              $ref: '#/components/schemas/InstanceStatus',
            },
          },
          {
            name: 'platform',
            in: 'query',
            allowReserved: true,
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'name',
            in: 'query',
            allowReserved: true,
            required: false,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Instances',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Instance',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      post: {
        operationId: 'CreateInstance',
        description:
          'Accepts a new instance and returns the create operation. With an Idempotency-Key, repeating the request returns the same instance and operation instead of a second instance.',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CreateInstanceRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetInstance',
        responses: {
          '200': {
            description: 'The instance',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Instance',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      patch: {
        operationId: 'UpdateInstance',
        description:
          'Changes resources, configuration or description through an update operation.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/UpdateInstanceRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      delete: {
        operationId: 'DeleteInstance',
        description:
          'Stops the instance and removes its data through a delete operation.',
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/users': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'ListAclUsers',
        description:
          "The instance's ACL users, the default app user first; the control plane's own users are not listed. No passwords. Needs the users read permission.",
        responses: {
          '200': {
            description: 'The users',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AclUserList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      post: {
        operationId: 'CreateAclUser',
        description:
          "Creates a user with a generated password, shown in this answer once, through a users operation that puts it on every data node and Sentinel and proves it by logging in on each. 400 names a bad username or rule (categories and commands are checked against the instance's engine); 409 when the name is taken. Needs the users manage permission; audited.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CreateAclUserRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AclUserCreated',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/users/{username}': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/username',
        },
      ],
      get: {
        operationId: 'GetAclUser',
        description:
          'One user, without passwords. Needs the users read permission.',
        responses: {
          '200': {
            description: 'The user',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AclUser',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      patch: {
        operationId: 'UpdateAclUser',
        description:
          "Replaces the user's access (preset, keys or rules) through a users operation; sessions stay open and follow the new rules. Not for the default user (409). Needs the users manage permission; audited.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/UpdateAclUserRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AclUserAccepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      delete: {
        operationId: 'DeleteAclUser',
        description:
          'Revokes the user through a users operation: it is removed from every node and its live sessions are closed. Not for the default user (409). Needs the users manage permission; audited.',
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/users/{username}/rotate': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/username',
        },
      ],
      post: {
        operationId: 'RotateAclUserPassword',
        description:
          'Gives the user a new generated password, shown in this answer once, beside the old one, through a users operation that sets both on every node (ACL SETUSER: no session is closed). The old password keeps working for graceSeconds; then the scheduled retirement removes it the same way. Needs the users manage permission; audited.',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RotateAclUserRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AclUserCreated',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/users/{username}/rotation': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/username',
        },
      ],
      put: {
        operationId: 'SetAclUserRotation',
        description:
          "Sets or clears (everyDays null) the user's rotation schedule. Every minute the scheduler rotates the users whose nextAt has passed, as RotateAclUserPassword does, with the schedule's grace; the new password is read with GetAclUserConnection. Not for users whose passwords Vault sets (409). Needs the users manage permission; audited.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SetAclUserRotationRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The user with its schedule',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AclUser',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/users/{username}/connection': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/username',
        },
      ],
      get: {
        operationId: 'GetAclUserConnection',
        description:
          "Host, port and this user's current password. Needs the credentials permission; every call is audited.",
        responses: {
          '200': {
            description: 'Connection details',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ConnectionDetails',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/vault': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetVaultStatus',
        description:
          "Whether the instance is registered with Vault's database secrets engine (dbaas.vault), the roles owners can get credentials for, and the leases issued through the product. 404 when Vault is not configured. Needs the users read permission.",
        responses: {
          '200': {
            description: 'The instance in Vault',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/VaultStatus',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/vault/credentials': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      post: {
        operationId: 'IssueVaultCredentials',
        description:
          "Dynamic credentials from Vault for one of the preset roles. Vault's plugin creates the user on one node; the product puts it on every data node and Sentinel and into their ACL files before answering. The password is in this answer only. 400 names an unknown role, 409 an instance Vault does not know yet, 503 a Vault that is down or sealed (with Vault's reason). Needs the credentials permission; audited and recorded as an event.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IssueVaultCredentialsRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The credentials and their lease',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/VaultCredentials',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/vault/static-roles': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      post: {
        operationId: 'CreateVaultStaticRole',
        description:
          'Hands a user made through the Users API to a Vault static role (<instance>-<username>): Vault rotates its password at once and then every rotationPeriodSeconds, on every node; the passwords it had keep working for dbaas.vault.rotationGraceSeconds, and the product keeps none from then on. 400 names the field and the rule, 404 an unknown user, 409 the default user or one Vault manages already or an instance Vault does not know yet, 503 Vault down or sealed. Needs the users manage permission; audited and recorded as an event.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CreateVaultStaticRoleRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The static role',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/VaultStaticRole',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/vault/static-roles/{username}': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/username',
        },
      ],
      delete: {
        operationId: 'DeleteVaultStaticRole',
        description:
          'Ends the static role in Vault and deletes the user on every node, closing its sessions. Needs the users manage permission; audited.',
        responses: {
          '204': {
            description: 'Removed',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/vault/static-roles/{username}/credentials': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/username',
        },
      ],
      get: {
        operationId: 'GetVaultStaticCredentials',
        description:
          "The static role's current password as Vault gives it, with the time to its next rotation. Needs the credentials permission; audited and recorded as an event.",
        responses: {
          '200': {
            description: 'The credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/VaultStaticCredentials',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/vault/leases/{leaseId}/renew': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/leaseId',
        },
      ],
      post: {
        operationId: 'RenewVaultLease',
        description:
          "Renews a lease issued through the product, up to the role's max TTL. Needs the credentials permission; audited.",
        responses: {
          '200': {
            description: 'The lease with its new expiry',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/VaultLease',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/vault/leases/{leaseId}': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/leaseId',
        },
      ],
      delete: {
        operationId: 'RevokeVaultLease',
        description:
          'Revokes a lease: Vault deletes its user, and the product deletes it on every other node, which closes its sessions. Needs the credentials permission; audited and recorded as an event.',
        responses: {
          '200': {
            description: 'The revoked lease',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/VaultLease',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/replicas': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      put: {
        operationId: 'SetReplicas',
        description:
          "Adds or removes replicas through a replicas operation, while the primary keeps serving. Going from 0 adds 3 Sentinels too; going to 0 removes them. Before a replica that is the primary is removed, the primary role moves to a node that stays, with writes held for a moment so that none is lost. 400 names a count outside 0 and the platform's maxReplicas; 409 when the instance already has that many or is not running. Needs the update permission.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SetReplicasRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/tls': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetInstanceTls',
        description:
          "The instance's TLS mode and, with TLS, its CA certificate (public: clients trust it) and when the node certificates expire and are renewed. Needs the read permission.",
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/InstanceTls',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      put: {
        operationId: 'SetInstanceTlsMode',
        description:
          "Moves a running instance between TLS modes through a tls-mode operation, without a restart: disabled to preferred (each node opens a TLS port beside its plain one; the instance gets its CA if it has none), preferred to required (the plain ports close; connected clients stay connected, and the TLS port becomes the node's port), and preferred back to disabled. Going from disabled straight to required, or down from required, is refused (409), as is a replicated instance (it gets TLS at creation) or one that is not running. Needs the update permission.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SetTlsModeRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/tls/rotate': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      post: {
        operationId: 'RotateInstanceCertificates',
        description:
          'Issues new node certificates now through a certificates operation; every node loads its new certificate without a restart, so connected clients stay connected. The CA stays the same. 409 when the instance has no TLS or is not running. Needs the update permission.',
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/upgrade': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      post: {
        operationId: 'UpgradeInstance',
        description:
          'Moves the instance to another engine version through an upgrade operation: snapshot, switch, verification, and a rollback to the snapshot on any failure. A target that cannot load the data is refused (409) unless restoreSnapshot is set with confirm equal to the instance name. With dryRun, returns the steps and changes nothing. Needs the update permission.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/UpgradeRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The preview of a dry run',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UpgradePreview',
                },
              },
            },
          },
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/upgrade-policy': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetUpgradePolicy',
        description:
          "The instance's upgrade policy (manual when none was set), its windows with their normalized phrases, and the next three openings.",
        responses: {
          '200': {
            description: 'The policy',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UpgradePolicy',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      put: {
        operationId: 'UpdateUpgradePolicy',
        description:
          'Replaces the policy. Needs the update permission; audited.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/UpgradePolicyRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The policy now in force',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UpgradePolicy',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/upgrade-policy/snooze': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      post: {
        operationId: 'SnoozeUpgradePolicy',
        description:
          'Skips the next opening (the one open now, if any; after a snooze, the one after it), or with cancel ends the snooze. Needs the update permission; audited.',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SnoozeRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The policy with its snooze',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UpgradePolicy',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/upgrade-policy/apply-now': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      post: {
        operationId: 'ApplyPendingPatch',
        description:
          'Starts the pending patch upgrade now, whatever the windows say, as an upgrade operation. 409 when no patch is pending. Needs the update permission; audited.',
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/upgrade-policy/decisions': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'ListMaintenanceDecisions',
        description:
          'What the maintenance job decided for the instance, newest first (the last 50).',
        responses: {
          '200': {
            description: 'Decisions',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MaintenanceDecisionList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/versions': {
      get: {
        operationId: 'GetVersionCatalog',
        description:
          "Releases of redis and valkey (date, end of support, RDB format, breaking changes) and the security advisories against them: the data shipped with the plugin merged with what the release watcher fetched, and how each upstream feed's last refresh went.",
        responses: {
          '200': {
            description: 'The version catalog',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/VersionCatalogSnapshot',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/security': {
      get: {
        operationId: 'ListInstanceSecurity',
        description:
          'Every instance the caller may read that has open advisories, with them, worst severity first.',
        responses: {
          '200': {
            description: 'Instances with open advisories',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/InstanceSecurity',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/advisories': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetInstanceAdvisories',
        description:
          "The advisories that affect the instance's exact version (builds included), most severe first.",
        responses: {
          '200': {
            description: 'Advisories',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/InstanceAdvisories',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/upgrade-plan': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetUpgradePlan',
        description:
          'Candidate versions grouped patch, minor, major and downgrade, each with the advisories it fixes, breaking changes, release notes, whether the platform runs it, RDB compatibility, strategy and expected downtime.',
        responses: {
          '200': {
            description: 'The upgrade plan',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UpgradePlan',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/operations': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'ListOperations',
        responses: {
          '200': {
            description: 'Operations, newest first',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Operation',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/events': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'ListInstanceEvents',
        description:
          'What happened to the instance, newest first, in the words of its history: requests, finished and failed changes, failovers, rotations, with who did them. Needs the read permission.',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
              default: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Events, newest first',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/InstanceEvent',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/connection': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetConnection',
        description:
          "Host, port and the credentials of the instance's default app user. Needs the separate credentials permission; every call is audited.",
        responses: {
          '200': {
            description: 'Connection details',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ConnectionDetails',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/key-scans': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      post: {
        operationId: 'StartKeyScan',
        description:
          'Starts a scan of every key (SCAN with pipelined TYPE, MEMORY USAGE and element counts) as a cancellable operation with progress. Needs the update permission. 409 while another operation runs or the instance is not running.',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/KeyScanRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    operation: {
                      $ref: '#/components/schemas/Operation',
                    },
                  },
                  required: ['operation'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/key-scans/latest': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetLatestKeyScan',
        description:
          'The report of the newest finished key scan; 404 before the first.',
        responses: {
          '200': {
            description: 'The report',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KeyScanReport',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/backups': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'ListBackups',
        description:
          "The instance's backups, newest first, with size and age; also after the instance was deleted, while it has backups. Needs the read permission.",
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Backup',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      post: {
        operationId: 'CreateBackup',
        description:
          'Backs the instance up now, through a backup operation with progress: the RDB (saved on a replica when there is one), the ACL users (password hashes only), the configuration and a manifest, encrypted and checksummed. 409 while another operation runs or the instance is not running. Needs the backup permission.',
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/BackupAccepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/backups/{backupId}': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/backupId',
        },
      ],
      delete: {
        operationId: 'DeleteBackup',
        description:
          'Removes a finished backup from its store and the catalog, also one of a deleted instance. Needs the backup permission.',
        responses: {
          '204': {
            description: 'Deleted',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/backups/{backupId}/analysis': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/backupId',
        },
      ],
      get: {
        operationId: 'AnalyseBackup',
        description:
          "Memory analysis of a complete backup, read from its RDB off the instance: top keys by size and by element count per type, key pattern groups, per-type counts and totals, and an expiry histogram. The live server is asked MEMORY USAGE only for the few top candidates, never a command per key. Its report names keys, the instance's data, so it needs the read permission.",
        parameters: [
          {
            name: 'topN',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 10,
            },
          },
          {
            name: 'separator',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 8,
              default: ':',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/BackupAnalysis',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/backups/{backupId}/restore': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/backupId',
        },
      ],
      post: {
        operationId: 'RestoreBackup',
        description:
          "Restores a backup into a new instance, through a restore operation that fails unless the new instance's key counts and digest equal the backup's manifest. Refused up front (400) when the target engine and version cannot read the backup's RDB format, or when the stored backup does not match its checksum; nothing is created then. The backed-up instance may have been deleted: the new one then takes the settings the backup recorded. Needs the restore permission on the backed-up instance and the create permission for the new one.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RestoreBackupRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/backups/{backupId}/restore-in-place': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
        {
          $ref: '#/components/parameters/backupId',
        },
      ],
      post: {
        operationId: 'RestoreBackupInPlace',
        description:
          "Replaces the running instance's data with one of its backups, through a restore-in-place operation: a safety backup of the data as it is first, then the backup is loaded and verified against its manifest; on a failure after the data was replaced, the safety backup is put back. The body's confirm must be the instance's name (400 otherwise). Refused up front like a restore into a new instance (format, checksums); 409 unless the instance is running. Needs the restore and update permissions.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RestoreInPlaceRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Accepted',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/instances/{instanceId}/backup-policy': {
      parameters: [
        {
          $ref: '#/components/parameters/instanceId',
        },
      ],
      get: {
        operationId: 'GetBackupPolicy',
        description:
          "The instance's backup policy (or the default), when it runs next and when it last backed up. Needs the read permission.",
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/BackupPolicyView',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      put: {
        operationId: 'SetBackupPolicy',
        description:
          'Sets when the instance is backed up (every N hours, or daily at a time in a zone) and how long backups are kept (by count and by age). Needs the backup permission.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/BackupPolicy',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/BackupPolicyView',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/operations/{operationId}/cancel': {
      parameters: [
        {
          $ref: '#/components/parameters/operationId',
        },
      ],
      post: {
        operationId: 'CancelOperation',
        description:
          'Asks to cancel a pending or running operation of a cancellable type (scan-keys); it ends as failed with "Cancelled by <user>". Needs the update permission on its instance. 409 for other types or finished operations.',
        responses: {
          '202': {
            description: 'The operation as it is now',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Operation',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/operations/{operationId}': {
      parameters: [
        {
          $ref: '#/components/parameters/operationId',
        },
      ],
      get: {
        operationId: 'GetOperation',
        description:
          'With waitMs, the request is held until the operation has finished or waitMs has passed, so clients need not poll.',
        parameters: [
          {
            name: 'waitMs',
            in: 'query',
            allowReserved: true,
            required: false,
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 30000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The operation with its steps and log',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Operation',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
  },
} as const;

/** What each route takes and answers, keyed by method and path template. */
export type EndpointMap = {
  '#get|/metrics': { response: string };
  '#get|/instances/{instanceId}/metrics': {
    path: operations['GetMetricSeries']['parameters']['path'];
    query: NonNullable<operations['GetMetricSeries']['parameters']['query']>;
    response: operations['GetMetricSeries']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/metrics/latest': {
    path: operations['GetLatestMetrics']['parameters']['path'];
    response: operations['GetLatestMetrics']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/keyspace': {
    path: operations['GetKeyspace']['parameters']['path'];
    response: operations['GetKeyspace']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/replication': {
    path: operations['GetReplication']['parameters']['path'];
    response: operations['GetReplication']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/slowlog': {
    path: operations['GetSlowLog']['parameters']['path'];
    query: NonNullable<operations['GetSlowLog']['parameters']['query']>;
    response: operations['GetSlowLog']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/latency': {
    path: operations['GetLatency']['parameters']['path'];
    response: operations['GetLatency']['responses'][200]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/config/preview': {
    path: operations['PreviewConfigChange']['parameters']['path'];
    body: NonNullable<
      operations['PreviewConfigChange']['requestBody']
    >['content']['application/json'];
    response: operations['PreviewConfigChange']['responses'][200]['content']['application/json'];
  };
  '#get|/status': {
    response: operations['GetFleetStatus']['responses'][200]['content']['application/json'];
  };
  '#get|/alerts': {
    query: NonNullable<operations['ListAlerts']['parameters']['query']>;
    response: operations['ListAlerts']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/availability': {
    path: operations['GetAvailability']['parameters']['path'];
    response: operations['GetAvailability']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/alert-rules': {
    path: operations['GetAlertRules']['parameters']['path'];
    response: operations['GetAlertRules']['responses'][200]['content']['application/json'];
  };
  '#put|/instances/{instanceId}/alert-rules': {
    path: operations['UpdateAlertRules']['parameters']['path'];
    body: NonNullable<
      operations['UpdateAlertRules']['requestBody']
    >['content']['application/json'];
    response: operations['UpdateAlertRules']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/alerts': {
    path: operations['ListInstanceAlerts']['parameters']['path'];
    query: NonNullable<operations['ListInstanceAlerts']['parameters']['query']>;
    response: operations['ListInstanceAlerts']['responses'][200]['content']['application/json'];
  };
  '#get|/health': {
    response: operations['GetHealth']['responses'][200]['content']['application/json'];
  };
  '#get|/platforms': {
    response: operations['ListPlatforms']['responses'][200]['content']['application/json'];
  };
  '#get|/instances': {
    query: NonNullable<operations['ListInstances']['parameters']['query']>;
    response: operations['ListInstances']['responses'][200]['content']['application/json'];
  };
  '#post|/instances': {
    body: NonNullable<
      operations['CreateInstance']['requestBody']
    >['content']['application/json'];
    response: operations['CreateInstance']['responses'][202]['content']['application/json'];
  };
  '#get|/instances/{instanceId}': {
    path: operations['GetInstance']['parameters']['path'];
    response: operations['GetInstance']['responses'][200]['content']['application/json'];
  };
  '#_delete|/instances/{instanceId}': {
    path: operations['DeleteInstance']['parameters']['path'];
    response: operations['DeleteInstance']['responses'][202]['content']['application/json'];
  };
  '#patch|/instances/{instanceId}': {
    path: operations['UpdateInstance']['parameters']['path'];
    body: NonNullable<
      operations['UpdateInstance']['requestBody']
    >['content']['application/json'];
    response: operations['UpdateInstance']['responses'][202]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/users': {
    path: operations['ListAclUsers']['parameters']['path'];
    response: operations['ListAclUsers']['responses'][200]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/users': {
    path: operations['CreateAclUser']['parameters']['path'];
    body: NonNullable<
      operations['CreateAclUser']['requestBody']
    >['content']['application/json'];
    response: operations['CreateAclUser']['responses'][202]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/users/{username}': {
    path: operations['GetAclUser']['parameters']['path'];
    response: operations['GetAclUser']['responses'][200]['content']['application/json'];
  };
  '#_delete|/instances/{instanceId}/users/{username}': {
    path: operations['DeleteAclUser']['parameters']['path'];
    response: operations['DeleteAclUser']['responses'][202]['content']['application/json'];
  };
  '#patch|/instances/{instanceId}/users/{username}': {
    path: operations['UpdateAclUser']['parameters']['path'];
    body: NonNullable<
      operations['UpdateAclUser']['requestBody']
    >['content']['application/json'];
    response: operations['UpdateAclUser']['responses'][202]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/users/{username}/rotate': {
    path: operations['RotateAclUserPassword']['parameters']['path'];
    body: NonNullable<
      operations['RotateAclUserPassword']['requestBody']
    >['content']['application/json'];
    response: operations['RotateAclUserPassword']['responses'][202]['content']['application/json'];
  };
  '#put|/instances/{instanceId}/users/{username}/rotation': {
    path: operations['SetAclUserRotation']['parameters']['path'];
    body: NonNullable<
      operations['SetAclUserRotation']['requestBody']
    >['content']['application/json'];
    response: operations['SetAclUserRotation']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/users/{username}/connection': {
    path: operations['GetAclUserConnection']['parameters']['path'];
    response: operations['GetAclUserConnection']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/vault': {
    path: operations['GetVaultStatus']['parameters']['path'];
    response: operations['GetVaultStatus']['responses'][200]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/vault/credentials': {
    path: operations['IssueVaultCredentials']['parameters']['path'];
    body: NonNullable<
      operations['IssueVaultCredentials']['requestBody']
    >['content']['application/json'];
    response: operations['IssueVaultCredentials']['responses'][201]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/vault/static-roles': {
    path: operations['CreateVaultStaticRole']['parameters']['path'];
    body: NonNullable<
      operations['CreateVaultStaticRole']['requestBody']
    >['content']['application/json'];
    response: operations['CreateVaultStaticRole']['responses'][201]['content']['application/json'];
  };
  '#_delete|/instances/{instanceId}/vault/static-roles/{username}': {
    path: operations['DeleteVaultStaticRole']['parameters']['path'];
    response: void;
  };
  '#get|/instances/{instanceId}/vault/static-roles/{username}/credentials': {
    path: operations['GetVaultStaticCredentials']['parameters']['path'];
    response: operations['GetVaultStaticCredentials']['responses'][200]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/vault/leases/{leaseId}/renew': {
    path: operations['RenewVaultLease']['parameters']['path'];
    response: operations['RenewVaultLease']['responses'][200]['content']['application/json'];
  };
  '#_delete|/instances/{instanceId}/vault/leases/{leaseId}': {
    path: operations['RevokeVaultLease']['parameters']['path'];
    response: operations['RevokeVaultLease']['responses'][200]['content']['application/json'];
  };
  '#put|/instances/{instanceId}/replicas': {
    path: operations['SetReplicas']['parameters']['path'];
    body: NonNullable<
      operations['SetReplicas']['requestBody']
    >['content']['application/json'];
    response: operations['SetReplicas']['responses'][202]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/tls': {
    path: operations['GetInstanceTls']['parameters']['path'];
    response: operations['GetInstanceTls']['responses'][200]['content']['application/json'];
  };
  '#put|/instances/{instanceId}/tls': {
    path: operations['SetInstanceTlsMode']['parameters']['path'];
    body: NonNullable<
      operations['SetInstanceTlsMode']['requestBody']
    >['content']['application/json'];
    response: operations['SetInstanceTlsMode']['responses'][202]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/tls/rotate': {
    path: operations['RotateInstanceCertificates']['parameters']['path'];
    response: operations['RotateInstanceCertificates']['responses'][202]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/upgrade': {
    path: operations['UpgradeInstance']['parameters']['path'];
    body: NonNullable<
      operations['UpgradeInstance']['requestBody']
    >['content']['application/json'];
    response:
      | operations['UpgradeInstance']['responses'][200]['content']['application/json']
      | operations['UpgradeInstance']['responses'][202]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/upgrade-policy': {
    path: operations['GetUpgradePolicy']['parameters']['path'];
    response: operations['GetUpgradePolicy']['responses'][200]['content']['application/json'];
  };
  '#put|/instances/{instanceId}/upgrade-policy': {
    path: operations['UpdateUpgradePolicy']['parameters']['path'];
    body: NonNullable<
      operations['UpdateUpgradePolicy']['requestBody']
    >['content']['application/json'];
    response: operations['UpdateUpgradePolicy']['responses'][200]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/upgrade-policy/snooze': {
    path: operations['SnoozeUpgradePolicy']['parameters']['path'];
    body: NonNullable<
      operations['SnoozeUpgradePolicy']['requestBody']
    >['content']['application/json'];
    response: operations['SnoozeUpgradePolicy']['responses'][200]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/upgrade-policy/apply-now': {
    path: operations['ApplyPendingPatch']['parameters']['path'];
    response: operations['ApplyPendingPatch']['responses'][202]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/upgrade-policy/decisions': {
    path: operations['ListMaintenanceDecisions']['parameters']['path'];
    response: operations['ListMaintenanceDecisions']['responses'][200]['content']['application/json'];
  };
  '#get|/versions': {
    response: operations['GetVersionCatalog']['responses'][200]['content']['application/json'];
  };
  '#get|/security': {
    response: operations['ListInstanceSecurity']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/advisories': {
    path: operations['GetInstanceAdvisories']['parameters']['path'];
    response: operations['GetInstanceAdvisories']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/upgrade-plan': {
    path: operations['GetUpgradePlan']['parameters']['path'];
    response: operations['GetUpgradePlan']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/operations': {
    path: operations['ListOperations']['parameters']['path'];
    response: operations['ListOperations']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/events': {
    path: operations['ListInstanceEvents']['parameters']['path'];
    query: NonNullable<operations['ListInstanceEvents']['parameters']['query']>;
    response: operations['ListInstanceEvents']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/connection': {
    path: operations['GetConnection']['parameters']['path'];
    response: operations['GetConnection']['responses'][200]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/key-scans': {
    path: operations['StartKeyScan']['parameters']['path'];
    body: NonNullable<
      operations['StartKeyScan']['requestBody']
    >['content']['application/json'];
    response: operations['StartKeyScan']['responses'][202]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/key-scans/latest': {
    path: operations['GetLatestKeyScan']['parameters']['path'];
    response: operations['GetLatestKeyScan']['responses'][200]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/backups': {
    path: operations['ListBackups']['parameters']['path'];
    response: operations['ListBackups']['responses'][200]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/backups': {
    path: operations['CreateBackup']['parameters']['path'];
    response: operations['CreateBackup']['responses'][202]['content']['application/json'];
  };
  '#_delete|/instances/{instanceId}/backups/{backupId}': {
    path: operations['DeleteBackup']['parameters']['path'];
    response: void;
  };
  '#get|/instances/{instanceId}/backups/{backupId}/analysis': {
    path: operations['AnalyseBackup']['parameters']['path'];
    query: NonNullable<operations['AnalyseBackup']['parameters']['query']>;
    response: operations['AnalyseBackup']['responses'][200]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/backups/{backupId}/restore': {
    path: operations['RestoreBackup']['parameters']['path'];
    body: NonNullable<
      operations['RestoreBackup']['requestBody']
    >['content']['application/json'];
    response: operations['RestoreBackup']['responses'][202]['content']['application/json'];
  };
  '#post|/instances/{instanceId}/backups/{backupId}/restore-in-place': {
    path: operations['RestoreBackupInPlace']['parameters']['path'];
    body: NonNullable<
      operations['RestoreBackupInPlace']['requestBody']
    >['content']['application/json'];
    response: operations['RestoreBackupInPlace']['responses'][202]['content']['application/json'];
  };
  '#get|/instances/{instanceId}/backup-policy': {
    path: operations['GetBackupPolicy']['parameters']['path'];
    response: operations['GetBackupPolicy']['responses'][200]['content']['application/json'];
  };
  '#put|/instances/{instanceId}/backup-policy': {
    path: operations['SetBackupPolicy']['parameters']['path'];
    body: NonNullable<
      operations['SetBackupPolicy']['requestBody']
    >['content']['application/json'];
    response: operations['SetBackupPolicy']['responses'][200]['content']['application/json'];
  };
  '#post|/operations/{operationId}/cancel': {
    path: operations['CancelOperation']['parameters']['path'];
    response: operations['CancelOperation']['responses'][202]['content']['application/json'];
  };
  '#get|/operations/{operationId}': {
    path: operations['GetOperation']['parameters']['path'];
    query: NonNullable<operations['GetOperation']['parameters']['query']>;
    response: operations['GetOperation']['responses'][200]['content']['application/json'];
  };
};

/** An express router that validates requests (and, when asked, responses) against the document. */
export const createOpenApiRouter = async (
  options?: Parameters<
    typeof createValidatedOpenApiRouterFromGeneratedEndpointMap
  >['1'],
) =>
  createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(
    spec,
    options,
  );
