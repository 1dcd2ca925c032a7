import { InputError, NotAllowedError } from '@backstage/errors';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathProblem, quoteValue } from './inputRules';

/** A file path inside the task workspace that has been checked for traversal and symbolic links. */
export interface WorkspaceFile {
  /** Absolute path. */
  absolutePath: string;
  /** Path relative to the workspace, with forward slashes, for messages and outputs. */
  relativePath: string;
  exists: boolean;
}

function isMissing(error: unknown) {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Resolves `path` inside the workspace. Refuses absolute paths, paths that leave the workspace (`../x`) and any
 * symbolic link on the way: at the target or in a folder between the workspace and the target. A template's
 * skeleton can contain symlinks, and following one would let a template edit files outside its workspace.
 */
export async function resolveWorkspaceFile(
  workspacePath: string,
  path: string,
): Promise<WorkspaceFile> {
  if (typeof path !== 'string' || !path.trim()) {
    throw new InputError(
      'The path is empty; give a file path inside the workspace',
    );
  }
  // Before any file call: Node refuses a NUL in a path with a raw TypeError, and a control character or a
  // 10,000-character path is no file name a template means.
  const problem = pathProblem(path);
  if (problem) {
    throw new InputError(
      `The path ${quoteValue(
        path,
      )} ${problem}; give a file path inside the workspace`,
    );
  }
  if (isAbsolute(path)) {
    throw new NotAllowedError(
      `The path ${quoteValue(
        path,
      )} is absolute; give a path relative to the workspace`,
    );
  }
  const root = resolve(workspacePath);
  const absolutePath = resolve(root, path);
  const relativePath = relative(root, absolutePath);
  if (!relativePath) {
    throw new InputError(
      `The path ${quoteValue(
        path,
      )} is the workspace itself; give a file inside it`,
    );
  }
  if (
    relativePath === '..' ||
    relativePath.startsWith(`..${sep}`) ||
    isAbsolute(relativePath)
  ) {
    throw new NotAllowedError(
      `The path ${quoteValue(
        path,
      )} points outside the workspace; give a file inside it`,
    );
  }

  const parts = relativePath.split(sep);
  let current = root;
  for (let i = 0; i < parts.length; i++) {
    current = join(current, parts[i]);
    let stats;
    try {
      stats = await lstat(current);
    } catch (error) {
      if (isMissing(error)) {
        return {
          absolutePath,
          relativePath: parts.join('/'),
          exists: false,
        };
      }
      throw error;
    }
    if (stats.isSymbolicLink()) {
      throw new NotAllowedError(
        `The path ${quoteValue(path)} goes through a symbolic link (${parts
          .slice(0, i + 1)
          .join(
            '/',
          )}); the MVP actions only touch real files inside the workspace`,
      );
    }
    if (i < parts.length - 1 && !stats.isDirectory()) {
      throw new InputError(
        `The path ${quoteValue(path)} is not valid: ${parts
          .slice(0, i + 1)
          .join('/')} is not a folder`,
      );
    }
    if (i === parts.length - 1 && !stats.isFile()) {
      throw new InputError(`The path ${quoteValue(path)} is not a file`);
    }
  }
  return { absolutePath, relativePath: parts.join('/'), exists: true };
}

export async function readWorkspaceFile(file: WorkspaceFile): Promise<string> {
  return readFile(file.absolutePath, 'utf8');
}

/**
 * Writes a checked workspace file. O_NOFOLLOW makes the write fail rather than follow a symlink that appeared
 * after the check.
 */
export async function writeWorkspaceFile(
  workspacePath: string,
  file: WorkspaceFile,
  content: string,
): Promise<void> {
  const folder = resolve(file.absolutePath, '..');
  if (folder !== resolve(workspacePath)) {
    await mkdir(folder, { recursive: true });
  }
  const handle = await open(
    file.absolutePath,
    // eslint-disable-next-line no-bitwise
    constants.O_WRONLY |
      constants.O_CREAT |
      constants.O_TRUNC |
      (constants.O_NOFOLLOW ?? 0),
    0o644,
  );
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}
