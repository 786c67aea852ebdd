// A register for end-to-end tests: the 2024 seed, plus `extra` generated dossiers (fixed pattern,
// so runs compare) when a test needs a big register.
//   tsx tests/e2e/make-register.ts FILE [EXTRA]
import { createSeededRegister, defaultSeedFile, readSeed } from '../../electron/register/seed';
import { openRegister } from '../../electron/register/db';
import { createApi } from '../../electron/api';
import { clockFromEnv } from '../../electron/register/clock';
import { resourcesDir } from '../../electron/source-paths';
import path from 'node:path';

const [file, extraArg] = process.argv.slice(2);
if (!file) throw new Error('usage: make-register.ts FILE [EXTRA]');
const extra = Number(extraArg ?? 0);
const clock = clockFromEnv();
createSeededRegister(file, readSeed(defaultSeedFile(resourcesDir(path.resolve(import.meta.dirname, '..', '..')))), { clock });
if (extra > 0) {
  const reg = openRegister(file, { clock });
  const api = createApi(reg);
  const phases = ['nieuw', 'analyse', 'refinement', 'implementatie', 'afgerond'] as const;
  const words = ['Koppeling', 'Machtiging', 'Registratie', 'Wallet', 'Intermediair', 'Rapportage', 'Beveiliging', 'Berichtenverkeer'];
  reg.db.transaction(() => {
    for (let i = 0; i < extra; i++) {
      const result = api.invoke('dossier.create', {
        title: `${words[i % words.length]} ${words[(i * 7) % words.length]!.toLowerCase()} ${i + 1}`,
        phase: { phase: phases[i % phases.length], parked: i % 11 === 0 && i % phases.length !== 4 },
        phaseDate: '2024-01-01',
        priority: i % 25 === 0,
        ambitions: i % 3 === 0 ? ['groei'] : [],
        owner: i % 4 === 0 ? 'Logius' : null,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
    reg.db.exec('DELETE FROM undo_step');
  })();
  reg.close();
}
