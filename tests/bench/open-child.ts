// One cold open, in a process of its own: the register opened as the shells open it
// (RegisterHost: pragmas, migrations when the file is older), then its quick_check, which the
// shells run once the window is up, while the page loads.
//   node open-child.cjs FILE
import { RegisterHost } from '../../electron/register-host';
import { fixedClock } from '../../electron/register/clock';
import { BENCH_NOW } from './generate';

let start = performance.now();
const host = RegisterHost.open(process.argv[2]!, { clock: fixedClock(BENCH_NOW) });
const openMs = performance.now() - start;
start = performance.now();
host.check();
const checkMs = performance.now() - start;
const { schemaVersion } = host.reg;
const damaged = host.damaged;
host.close();
process.stdout.write(`${JSON.stringify({ openMs, checkMs, schemaVersion, damaged })}\n`);
