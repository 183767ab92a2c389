// VS Code glue: finds Java, starts the bundled server jar, maps settings, commands and the status bar.
import * as cp from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  DocumentSelector,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { documentSelector } from './filePatterns';
import { findJava, noJavaMessage } from './java';
import { bundledJar, serverCommand } from './serverCommand';
import { needsRestart, toMiglintConfig } from './settings';

/** Exactly the files the server reads (clients/file-patterns.json): never every Python or TypeScript file. */
export const DOCUMENT_SELECTOR: DocumentSelector = documentSelector();

export type ServerState = 'starting' | 'running' | 'stopped' | 'error';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let state: ServerState = 'stopped';
const stateListeners = new Set<(s: ServerState) => void>();

function setState(next: ServerState, detail?: string): void {
  state = next;
  const icons: Record<ServerState, string> = {
    starting: '$(sync~spin)',
    running: '$(check)',
    stopped: '$(circle-slash)',
    error: '$(error)',
  };
  status.text = `${icons[next]} miglint`;
  status.tooltip = `miglint server: ${next}${detail ? ` — ${detail}` : ''} (click for the output)`;
  status.backgroundColor = next === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
  stateListeners.forEach((l) => l(next));
}

function javaVersionOutput(java: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // `-version` prints to stderr on every JDK.
    cp.execFile(java, ['-version'], { timeout: 15000 }, (err, stdout, stderr) => {
      if (err) {
        reject(err);
      } else {
        resolve(`${stderr}${stdout}`);
      }
    });
  });
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function currentConfig() {
  const mapped = toMiglintConfig(vscode.workspace.getConfiguration().get<Record<string, unknown>>('miglint'));
  mapped.problems.forEach((p) => output.appendLine(`settings: ${p}`));
  return mapped.config;
}

async function showStartError(message: string): Promise<void> {
  const openSettings = 'Open Settings';
  const showOutput = 'Show Output';
  const choice = await vscode.window.showErrorMessage(message, openSettings, showOutput);
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'miglint.java.home');
  } else if (choice === showOutput) {
    output.show();
  }
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  setState('starting');
  const search = await findJava({
    settingHome: vscode.workspace.getConfiguration('miglint').get<string | null>('java.home'),
    env: process.env,
    platform: process.platform,
    isFile,
    versionOutput: javaVersionOutput,
  });
  search.rejected.forEach((r) => output.appendLine(`java: skipped ${r}`));
  if (!search.java) {
    const message = noJavaMessage(search);
    output.appendLine(message);
    setState('error', 'no Java 17+');
    void showStartError(message);
    return;
  }
  output.appendLine(`java: using ${search.java.path} (Java ${search.java.version}, from ${search.java.source})`);

  const jar = bundledJar(context.extensionPath);
  if (!isFile(jar)) {
    const message = `miglint: the server jar is missing at ${jar}; the extension was built without it (run "npm run build").`;
    output.appendLine(message);
    setState('error', 'server jar missing');
    void vscode.window.showErrorMessage(message);
    return;
  }

  const { command, args } = serverCommand(search.java.path, jar);
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions: () => ({ miglint: currentConfig() }),
    middleware: {
      workspace: {
        // The server asks for section `miglint`; answer with the mapped shape, not VS Code's raw object.
        configuration: async (params, token, next) => {
          const raw = await next(params, token);
          if (!Array.isArray(raw)) {
            return raw;
          }
          return params.items.map((item, i) => (item.section === 'miglint' ? currentConfig() : raw[i]));
        },
      },
    },
  };

  const next = new LanguageClient('miglint', 'miglint', serverOptions, clientOptions);
  next.onDidChangeState((e) => {
    if (client !== next) {
      return;
    }
    if (e.newState === State.Running) setState('running');
    else if (e.newState === State.Starting) setState('starting');
    else if (state !== 'error') setState('stopped');
  });
  client = next;
  try {
    await next.start();
    setState('running', `Java ${search.java.version}`);
  } catch (e) {
    const message = `miglint: the server failed to start: ${(e as Error).message ?? e}`;
    output.appendLine(message);
    setState('error', 'failed to start');
    void showStartError(message);
  }
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop(5000);
    } catch (e) {
      output.appendLine(`stop: ${(e as Error).message ?? e}`);
    }
  }
  setState('stopped');
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('miglint: open a migration to fix.');
    return;
  }
  const doc = editor.document;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const kind = vscode.CodeActionKind.SourceFixAll.append('miglint');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, whole, kind.value, 1);
  const action = (actions ?? []).find((a) => a.kind && kind.contains(a.kind));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage('miglint: nothing to fix in this file.');
    return;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showWarningMessage('miglint: the fixes could not be applied (the file changed meanwhile?).');
    return;
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}

export interface MiglintApi {
  state(): ServerState;
  /** The selector the language client attaches by (the in-host test matches every attach case against it). */
  documentSelector(): DocumentSelector;
  onState(listener: (s: ServerState) => void): vscode.Disposable;
}

export async function activate(context: vscode.ExtensionContext): Promise<MiglintApi> {
  output = vscode.window.createOutputChannel('miglint');
  status = vscode.window.createStatusBarItem('miglint.status', vscode.StatusBarAlignment.Left, 0);
  status.name = 'miglint';
  status.command = 'miglint.showOutput';
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('miglint.fixAll', fixAll),
    vscode.commands.registerCommand('miglint.showOutput', () => output.show()),
    vscode.commands.registerCommand('miglint.restart', async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('miglint')) {
        return;
      }
      if (needsRestart((s) => e.affectsConfiguration(s))) {
        await stopClient();
        await startClient(context);
      } else if (client?.isRunning()) {
        // Applied by the server without a restart.
        await client.sendNotification('workspace/didChangeConfiguration', { settings: { miglint: currentConfig() } });
      }
    }),
    { dispose: () => void stopClient() },
  );

  // Not awaited: activation must not wait for the JVM.
  void startClient(context);
  return {
    state: () => state,
    documentSelector: () => DOCUMENT_SELECTOR,
    onState: (listener) => {
      stateListeners.add(listener);
      return { dispose: () => stateListeners.delete(listener) };
    },
  };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
