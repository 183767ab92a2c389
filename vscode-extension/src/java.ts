// Finding a Java runtime for the server: setting, then JAVA_HOME, then PATH. No vscode import, so it is unit-tested.
import * as path from 'path';

export const MIN_JAVA_VERSION = 17;

export type JavaSource = 'miglint.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaCandidate {
  source: JavaSource;
  path: string;
}

export interface FoundJava extends JavaCandidate {
  version: number;
}

/** What the search may touch; injected so tests need no real JDKs. */
export interface JavaProbe {
  settingHome?: string | null;
  env: Record<string, string | undefined>;
  platform: string;
  isFile(file: string): boolean;
  /** Combined output of `<java> -version`; rejects when it cannot run. */
  versionOutput(java: string): Promise<string>;
}

export interface JavaSearch {
  java?: FoundJava;
  /** One line per candidate that was rejected, for the error message and the log. */
  rejected: string[];
}

/**
 * The major version in `java -version` output: `"1.8.0_292"` → 8, `"17.0.15"` → 17, `"21"` → 21,
 * `"22-ea"` → 22. Falls back to `openjdk 21.0.1 …` (the `--version` form).
 */
export function parseJavaVersion(output: string): number | undefined {
  const quoted = /version\s+"([^"]+)"/.exec(output);
  const bare = quoted ? undefined : /^(?:openjdk|java)\s+(\d[^\s]*)/m.exec(output);
  const text = quoted?.[1] ?? bare?.[1];
  if (!text) {
    return undefined;
  }
  const parts = /^(\d+)(?:\.(\d+))?/.exec(text);
  if (!parts) {
    return undefined;
  }
  const first = Number(parts[1]);
  // Java 8 and older report "1.x".
  return first === 1 && parts[2] !== undefined ? Number(parts[2]) : first;
}

function pathApi(platform: string): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function javaExe(platform: string): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

/** A home is a JDK/JRE folder; a path to the java binary itself is accepted too. */
function javaInHome(home: string, platform: string): string {
  const p = pathApi(platform);
  const exe = javaExe(platform);
  return p.basename(home) === exe ? home : p.join(home, 'bin', exe);
}

/** The candidates in the order they are tried; PATH contributes its first java only, as a shell would. */
export function javaCandidates(probe: Omit<JavaProbe, 'versionOutput'>): JavaCandidate[] {
  const out: JavaCandidate[] = [];
  const setting = probe.settingHome?.trim();
  if (setting) {
    out.push({ source: 'miglint.java.home', path: javaInHome(setting, probe.platform) });
  }
  const javaHome = probe.env.JAVA_HOME?.trim();
  if (javaHome) {
    out.push({ source: 'JAVA_HOME', path: javaInHome(javaHome, probe.platform) });
  }
  const p = pathApi(probe.platform);
  // Windows spells it Path.
  const searchPath = probe.env.PATH ?? probe.env.Path ?? '';
  for (const dir of searchPath.split(p.delimiter)) {
    if (!dir) {
      continue;
    }
    const java = p.join(dir, javaExe(probe.platform));
    if (probe.isFile(java)) {
      out.push({ source: 'PATH', path: java });
      break;
    }
  }
  return out;
}

/** The first candidate that exists, runs and is at least Java 17; why each earlier one was skipped. */
export async function findJava(probe: JavaProbe): Promise<JavaSearch> {
  const rejected: string[] = [];
  for (const candidate of javaCandidates(probe)) {
    const where = `${candidate.path} (from ${candidate.source})`;
    if (!probe.isFile(candidate.path)) {
      rejected.push(`${where}: not found`);
      continue;
    }
    let output: string;
    try {
      output = await probe.versionOutput(candidate.path);
    } catch (e) {
      rejected.push(`${where}: does not run: ${(e as Error).message ?? e}`);
      continue;
    }
    const version = parseJavaVersion(output);
    if (version === undefined) {
      rejected.push(`${where}: unrecognised "java -version" output: ${output.trim().split('\n')[0] ?? ''}`);
      continue;
    }
    if (version < MIN_JAVA_VERSION) {
      rejected.push(`${where}: Java ${version} is too old, ${MIN_JAVA_VERSION} or newer is needed`);
      continue;
    }
    return { java: { ...candidate, version }, rejected };
  }
  if (rejected.length === 0) {
    rejected.push('no miglint.java.home setting, no JAVA_HOME and no java on the PATH');
  }
  return { rejected };
}

/** The text of the one error shown when no usable Java is found. */
export function noJavaMessage(search: JavaSearch): string {
  return `miglint needs Java ${MIN_JAVA_VERSION} or newer to run its language server, and none was found ` +
    `(${search.rejected.join('; ')}). Install a JDK or JRE ${MIN_JAVA_VERSION}+ (e.g. "apt install openjdk-17-jre-headless" ` +
    `or Eclipse Temurin from adoptium.net), then set "miglint.java.home" to its folder, or JAVA_HOME, or put java on the PATH.`;
}
