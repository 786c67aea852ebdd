// Opening a written export in the program the computer uses for it (Word, LibreOffice, Excel).
// The Electron shell passes its own opener (shell.openPath); the browser shell, which runs on the
// same computer, starts the system's opener. TB_REGISTER_OPENER names another program to use.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RegisterError } from '../../shared/errors';

export type FileOpener = (file: string) => void;

const SYSTEM_OPENER: Partial<Record<NodeJS.Platform, string>> = { darwin: 'open', win32: 'explorer.exe' };

/** The program's full path, found on PATH the way a shell would, or null. */
function onPath(command: string, env: NodeJS.ProcessEnv): string | null {
  if (path.isAbsolute(command)) return fs.existsSync(command) ? command : null;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export function systemFileOpener(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): FileOpener {
  const command = env.TB_REGISTER_OPENER ?? SYSTEM_OPENER[platform] ?? 'xdg-open';
  return (file) => {
    const program = onPath(command, env);
    if (!program) throw new RegisterError('internal', `This computer has no program to open files with (${command}); the file is at ${file}.`);
    // Detached: the document stays open when the app closes.
    spawn(program, [file], { detached: true, stdio: 'ignore' }).on('error', () => undefined).unref();
  };
}
