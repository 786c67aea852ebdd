// The fuzz pass in a process of its own, so that run.ts sees a process death (a native crash, an
// exit from inside the register) as a defect instead of dying with it.
//   node --import tsx tests/soak/fuzz-child.ts OPTIONS_JSON RESULT_FILE   (started by run.ts; progress on stderr)
import fs from 'node:fs';
import { runFuzz, type FuzzOptions } from './fuzz';

const [options, resultFile] = process.argv.slice(2) as [string, string];
const figures = await runFuzz({ ...(JSON.parse(options) as FuzzOptions), progress: (line) => process.stderr.write(`${line}\n`) });
fs.writeFileSync(resultFile, JSON.stringify(figures));
