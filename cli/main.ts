// flow-conformance: the command users run. Parses flags, dispatches, and turns every expected failure into one line
// and the documented exit code: 0 conformant, 1 non-conformant, 2 no verdict (a MUST the kit could not check) or a
// usage, configuration or unreachable-target error.
import { ConfigError } from '../kit/config-file.ts';
import { RunSettingError } from '../kit/run-settings.ts';
import { parseCommandLine, USAGE, UsageError } from './args.ts';
import { BaselineError } from './baseline.ts';
import { loadCatalogue } from './catalogue.ts';
import { PreflightError } from './preflight.ts';
import { runConformance } from './run.ts';
import { KIT } from './write-reports.ts';

function list(): number {
  const { requirements, areas } = loadCatalogue();
  let area = '';
  for (const r of requirements) {
    if (r.area !== area) {
      area = r.area;
      console.log(`\n${areas[area] ?? area}`);
    }
    console.log(`  ${r.id.padEnd(9)} ${r.level.padEnd(6)} ${r.title}`);
  }
  console.log(`\n${requirements.length} requirements (${requirements.filter((r) => r.level === 'MUST').length} MUST)`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const options = parseCommandLine(argv);
  switch (options.command) {
    case 'help':
      console.log(USAGE);
      return 0;
    case 'version':
      console.log(`${KIT.name} ${KIT.version}`);
      return 0;
    case 'list':
      return list();
    // the other commands' modules load only for them: a run starts sooner
    case 'cleanup':
      return (await import('./sweep.ts')).cleanupCommand(options);
    case 'sweep':
      return (await import('./sweep.ts')).sweepCommand(options);
    case 'serve':
      return (await import('./serve-command.ts')).serveCommand(options);
    case 'compare':
      return (await import('./compare/command.ts')).compareCommand(options);
    case 'merge':
      return (await import('./merge.ts')).mergeCommand(options.mergeDirs, options.reportDir, options.strict, options.baseline);
    default:
      return runConformance(options);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const expected = [UsageError, ConfigError, RunSettingError, PreflightError, BaselineError];
    if (expected.some((kind) => error instanceof kind)) {
      console.error(`flow-conformance: ${(error as Error).message}`);
    } else {
      console.error(`flow-conformance: internal error: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
    }
    process.exit(2);
  },
);
