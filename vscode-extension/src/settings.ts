// VS Code's `miglint.*` settings → the `.miglint.json` shape the server takes. No vscode import, so it is unit-tested.

export const LEVELS = ['off', 'info', 'warning', 'error'] as const;
export const RUNNERS = ['none', 'flyway', 'drizzle', 'prisma', 'supabase', 'alembic'] as const;

/** The `miglint` section as VS Code returns it (defaults included, extra keys such as `java` possible). */
export type VsCodeSettings = Record<string, unknown>;

export interface MiglintConfig {
  rules?: Record<string, string>;
  runner?: string;
  postgresVersion?: number | string;
  acceptTransactional?: boolean;
  include?: string[];
  exclude?: string[];
  alembicVersion?: string;
}

export interface Mapped {
  config: MiglintConfig;
  /** Settings that were dropped, and why; shown in the output channel. */
  problems: string[];
}

function stringList(value: unknown, key: string, problems: string[]): string[] | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    problems.push(`miglint.${key} must be a list of globs`);
    return undefined;
  }
  const globs = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (globs.length !== value.length) {
    problems.push(`miglint.${key}: entries that are not non-empty strings were dropped`);
  }
  return globs.length ? globs : undefined;
}

function rules(value: unknown, problems: string[]): Record<string, string> | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push('miglint.rules must be an object of rule id → off|info|warning|error');
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
    const normalised = typeof level === 'string' ? level.trim().toLowerCase() : level;
    if (typeof normalised === 'string' && (LEVELS as readonly string[]).includes(normalised)) {
      out[id] = normalised;
    } else {
      problems.push(`miglint.rules: "${id}" has level ${JSON.stringify(level)}; use one of ${LEVELS.join(', ')}`);
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Only what the user set is passed on: the server lets these settings win over `.miglint.json`, so a
 * default sent along (runner "auto", an empty list) would silently override the project's file.
 */
export function toMiglintConfig(settings: VsCodeSettings | undefined): Mapped {
  const s = settings ?? {};
  const problems: string[] = [];
  const config: MiglintConfig = {};

  const r = rules(s.rules, problems);
  if (r) config.rules = r;

  if (typeof s.runner === 'string' && s.runner !== '' && s.runner !== 'auto') {
    if ((RUNNERS as readonly string[]).includes(s.runner)) {
      config.runner = s.runner;
    } else {
      problems.push(`miglint.runner "${s.runner}" is unknown; use auto or one of ${RUNNERS.join(', ')}`);
    }
  }

  const pg = s.postgresVersion;
  if (typeof pg === 'number' && Number.isFinite(pg) && pg > 0) {
    config.postgresVersion = pg;
  } else if (typeof pg === 'string' && /^\d+(\.\d+)?$/.test(pg.trim())) {
    config.postgresVersion = Number(pg.trim());
  } else if (pg !== undefined && pg !== null && pg !== '') {
    problems.push(`miglint.postgresVersion ${JSON.stringify(pg)} is not a version number such as 16`);
  }

  if (typeof s.acceptTransactional === 'boolean') {
    config.acceptTransactional = s.acceptTransactional;
  }

  const include = stringList(s.include, 'include', problems);
  if (include) config.include = include;
  const exclude = stringList(s.exclude, 'exclude', problems);
  if (exclude) config.exclude = exclude;

  if (typeof s.alembicVersion === 'string' && s.alembicVersion.trim() !== '') {
    config.alembicVersion = s.alembicVersion.trim();
  }
  return { config, problems };
}

/** Settings changes that need a new server process rather than a didChangeConfiguration. */
export function needsRestart(changed: (section: string) => boolean): boolean {
  return changed('miglint.java.home');
}
