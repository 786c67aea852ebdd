// A child process for the crash test: commits numbered dossiers into the register one call at a
// time and reports each number on stdout only after its call returned (committed), until killed.
//   node crash-writer.cjs FILE FIRST (bundled by the test)
import { createApi } from '../../electron/api';
import { openRegister } from '../../electron/register/db';

const [file, first] = process.argv.slice(2);
const reg = openRegister(file!);
const api = createApi(reg);
for (let n = Number(first); ; n++) {
  const result = api.invoke('dossier.create', {
    title: `Crash ${n}`,
    phase: { phase: 'analyse' },
    ambitions: ['groei', 'samenwerking'],
    priority: n % 2 === 0,
    note: `Geschreven als nummer ${n}. `.repeat(20),
  });
  if (!result.ok) {
    process.stderr.write(JSON.stringify(result.error));
    process.exit(1);
  }
  process.stdout.write(`${n}\n`);
}
