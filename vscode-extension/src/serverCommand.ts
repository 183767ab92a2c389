// How the server process is started. No vscode import, so it is unit-tested.
import * as path from 'path';

/** C1 only and the serial GC: the server answers within a second of start and stays small (see the server README). */
export const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** Where the build script puts the jar inside the extension. */
export function bundledJar(extensionRoot: string): string {
  return path.join(extensionRoot, 'server', 'miglint.jar');
}

export interface ServerCommand {
  command: string;
  args: string[];
}

/** `java <flags> -jar miglint.jar lsp`; vscode-languageclient appends `--stdio`, which the server accepts. */
export function serverCommand(java: string, jar: string, extraJvmArgs: readonly string[] = []): ServerCommand {
  return { command: java, args: [...JVM_FLAGS, ...extraJvmArgs, '-jar', jar, 'lsp'] };
}
