// The files the server reads (clients/file-patterns.json, generated from FilePatterns.java), as VS Code
// selectors and activation events. No vscode import, so it is unit-tested.
import published from './file-patterns.json';

export interface FilePattern {
  glob: string;
  kind: string;
  languageId: string;
}

export const FILE_PATTERNS: readonly FilePattern[] = published.patterns;

/** A vscode DocumentFilter, without importing vscode. */
export interface PatternFilter {
  scheme: 'file';
  pattern: string;
}

/**
 * One filter per glob, by path only: VS Code matches a string pattern against the file's absolute path,
 * and every glob starts with `**` so it matches wherever the project lives.
 */
export function documentSelector(patterns: readonly FilePattern[] = FILE_PATTERNS): PatternFilter[] {
  return patterns.map((p) => ({ scheme: 'file', pattern: p.glob }));
}

/**
 * True when activationEvents start the extension for every pattern: `workspaceContains:<glob>`, or
 * `onLanguage:<id>` for a glob that takes every file of that language (`**\/*.sql`). A narrower glob
 * must not hide behind `onLanguage:python`, which would start the server for every Python file.
 */
export function uncoveredPatterns(activationEvents: readonly string[], patterns: readonly FilePattern[] = FILE_PATTERNS): FilePattern[] {
  return patterns.filter((p) => !activationEvents.includes(`workspaceContains:${p.glob}`)
    && !(/^\*\*\/\*\.[a-z]+$/.test(p.glob) && activationEvents.includes(`onLanguage:${p.languageId}`)));
}
