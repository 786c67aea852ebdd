// Where the shipped files are when running from source (tsx): electron/ sits one level below the root.
// The Electron shell asks app.getAppPath() instead.
import path from 'node:path';

export const sourceRoot = (): string => path.resolve(import.meta.dirname, '..');
export const resourcesDir = (root = sourceRoot()): string => path.join(root, 'resources');
export const rendererDir = (root = sourceRoot()): string => path.join(root, 'dist', 'renderer');
