// One cold open, in a process of its own: the register opened as the shells open it
// (RegisterHost: pragmas, migrations when the file is older, then quick_check).
//   node open-child.cjs FILE
import { RegisterHost } from '../../electron/register-host';
import { fixedClock } from '../../electron/register/clock';
import { BENCH_NOW } from './generate';

const start = performance.now();
const host = RegisterHost.open(process.argv[2]!, { clock: fixedClock(BENCH_NOW) });
const ms = performance.now() - start;
const { schemaVersion } = host.reg;
const damaged = host.damaged;
host.close();
process.stdout.write(`${JSON.stringify({ ms, schemaVersion, damaged })}\n`);
