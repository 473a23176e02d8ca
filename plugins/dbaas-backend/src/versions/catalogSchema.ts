import { z } from 'zod';
import {
  Advisory,
  ENGINES,
  Engine,
  SEVERITIES,
  Severity,
  VersionRelease,
  parseEngineVersion,
} from '@justmanage/plugin-dbaas-common';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'must be an ISO date (YYYY-MM-DD)');
const engine = z.enum(ENGINES as [Engine, ...Engine[]]);
const version = z
  .string()
  .refine(v => parseEngineVersion(v) !== undefined, 'must be x.y.z[+build]');
const branch = z.string().regex(/^\d+\.\d+$/, 'must be a branch like 7.2');

export const releaseSchema: z.ZodType<VersionRelease> = z.strictObject({
  engine,
  version,
  releaseDate: isoDate,
  endOfSupport: isoDate.optional(),
  rdbVersion: z.number().int().positive(),
  rdbVersionAssumed: z.boolean().optional(),
  releaseNotesUrl: z.string().url().optional(),
  breakingChanges: z.array(z.string().min(1)).optional(),
  source: z.string().optional(),
});

export const advisorySchema: z.ZodType<Advisory> = z.strictObject({
  id: z
    .string()
    .regex(/^(CVE-\d{4}-\d+|GHSA-[\w-]+)$/, 'must be a CVE or GHSA id'),
  aliases: z.array(z.string()).optional(),
  engine,
  severity: z.enum(SEVERITIES as [Severity, ...Severity[]]),
  cvss: z.number().min(0).max(10).optional(),
  cvssVector: z.string().startsWith('CVSS:').optional(),
  summary: z.string().min(1),
  published: isoDate,
  affected: z
    .array(
      z.strictObject({
        branch,
        introduced: version.optional(),
        fixed: version.optional(),
        fixedBuilds: z.array(version).optional(),
      }),
    )
    .min(1),
  links: z.array(z.string().url()),
  source: z.string().optional(),
  requires: z.array(z.enum(['tls'])).optional(),
});

/** The shipped data file (data/catalog.json). */
export const catalogFileSchema = z.object({
  asOf: isoDate,
  releases: z.array(releaseSchema),
  engineChanges: z.record(z.string(), z.array(z.string())),
  advisories: z.array(advisorySchema),
});

export type CatalogFile = z.infer<typeof catalogFileSchema>;
