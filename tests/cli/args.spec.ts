// The command line as users type it: negative numbers as values (fast-check prints negative seeds), counts refused
// with the option named and what it must be, an unknown flag with its nearest option, and --help's promises.
import { expect, test } from '@playwright/test';
import { nearestOption, normaliseArgv, parseCommandLine, USAGE, UsageError } from '../../cli/args.ts';
import { runCli } from '../support/run-cli.ts';

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} parsed without a usage error`);
}

test.describe('negative numbers as option values', () => {
  test('a negative seed parses with a space or an =, as fast-check and older reports print it', () => {
    expect(parseCommandLine(['--seed', '-1702551033']).seed).toBe(-1702551033);
    expect(parseCommandLine(['--seed=-1702551033']).seed).toBe(-1702551033);
    expect(parseCommandLine(['--requirement', 'ORD-007', '--seed', '-5', '--path', '3:1~B:A'])).toMatchObject({ seed: -5, path: '3:1~B:A', requirements: ['ORD-007'] });
    expect(parseCommandLine(['--seed', '4294967295']).seed).toBe(2 ** 32 - 1);
    expect(parseCommandLine(['--seed', '-2147483648']).seed).toBe(-(2 ** 31));
  });

  test('a seed fast-check cannot take is refused, naming the range', () => {
    expect(usageError(['--seed', '4294967296'])).toBe('--seed must be a whole number from -2147483648 to 4294967295 (a fast-check seed), got 4294967296');
    expect(usageError(['--seed', '-2147483649'])).toMatch(/^--seed must be a whole number from -2147483648 /);
    expect(usageError(['--seed', '1.5'])).toMatch(/got 1\.5$/);
  });

  const counts: [string, string, string][] = [
    ['--runs', '-5', '--runs must be a whole number ≥ 1, got -5'],
    ['--runs', '0', '--runs must be a whole number ≥ 1, got 0'],
    ['--timeout', '-1', '--timeout must be a whole number of seconds ≥ 1, got -1'],
    ['--timeout', '2.5', '--timeout must be a whole number of seconds ≥ 1, got 2.5'],
    ['--max-requests', '-1', '--max-requests must be a whole number ≥ 1, got -1'],
    ['--writers', '-3', '--writers must be a whole number ≥ 2, got -3'],
    ['--writers', '1', '--writers must be a whole number ≥ 2, got 1'],
    ['--workers', '-2', '--workers must be a whole number ≥ 1, got -2'],
    ['--workers', 'two', '--workers must be a whole number ≥ 1, got two'],
  ];
  for (const [option, value, message] of counts) {
    test(`${option} ${value} is refused with the option and what it must be`, () => {
      expect(usageError([option, value])).toBe(message);
      expect(usageError([`${option}=${value}`])).toBe(message);
    });
  }

  test('good counts still parse, and only a negative number is taken as a value', () => {
    expect(parseCommandLine(['--runs', '400', '--timeout', '5', '--max-requests', '10', '--writers', '2', '--workers', '1']))
      .toMatchObject({ runs: 400, timeoutSeconds: 5, maxRequests: 10, writers: 2, workers: 1 });
    expect(normaliseArgv(['--seed', '-7', '--strict', 'merge', 'a'])).toEqual(['--seed=-7', '--strict', 'merge', 'a']);
    expect(normaliseArgv(['--grep', 'x', '--', '--seed', '-7'])).toEqual(['--grep=x', '--', '--seed', '-7']);
    expect(usageError(['--target', '--strict'])).toBe("--target needs a value, and --strict is an option (a value that starts with '-' is written --target=--strict)");
    expect(usageError(['--runs'])).toBe('--runs needs a value; see flow-conformance --help');
    expect(usageError(['--strict=yes'])).toBe("--strict is a switch and takes no value, not 'yes'");
    expect(usageError(['-5'])).toMatch(/^unexpected value -5: which option is it for\?/);
  });

  test('on the command line: exit 2 and one line, not "argument is ambiguous"', async () => {
    for (const argv of [['--runs', '-5'], ['--timeout', '-1']]) {
      const run = await runCli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`flow-conformance: ${argv[0]} must be a whole number${argv[0] === '--timeout' ? ' of seconds' : ''} ≥ 1, got ${argv[1]}`);
    }
  });
});

test.describe('unknown flags', () => {
  test('name the nearest option when it is close, and nothing when it is not', () => {
    expect(usageError(['--targt', 'x'])).toBe('unknown option --targt (did you mean --target?); see flow-conformance --help');
    expect(usageError(['--fualt=x'])).toBe('unknown option --fualt (did you mean --fault?); see flow-conformance --help');
    expect(nearestOption('--requirements')).toBe('requirement');
    expect(nearestOption('--max-request')).toBe('max-requests');
    expect(nearestOption('--Strict')).toBe('strict');
    expect(nearestOption('--req')).toBe('requirement');
    expect(nearestOption('--re')).toBeUndefined(); // report-dir, requirement, read-only: too short to say
    expect(nearestOption('--work')).toBe('workers');
    expect(nearestOption('--frobnicate')).toBeUndefined();
    expect(nearestOption('--colour')).toBeUndefined();
    expect(usageError(['--frobnicate'])).toBe('unknown option --frobnicate; see flow-conformance --help');
    expect(usageError(['-x'])).toBe('unknown option -x; see flow-conformance --help');
    expect(usageError(['-hx'])).toBe('unknown option -x; see flow-conformance --help');
  });

  test('on the command line: exit 2, one line, no unbalanced quote', async () => {
    const run = await runCli(['--targt', 'http://127.0.0.1:1']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('flow-conformance: unknown option --targt (did you mean --target?); see flow-conformance --help');
    expect(run.stdout).toBe('');
  });
});

test.describe('--help', () => {
  test('lists every exit code, 130 and the partial verdict included', () => {
    const exits = USAGE.slice(USAGE.indexOf('Exit codes:'), USAGE.indexOf('Statuses:'));
    expect(exits).toMatch(/\b0\s+conformant, or partial \(only a selection ran/);
    expect(exits).toMatch(/\b1\s+non-conformant/);
    expect(exits).toMatch(/\b2\s+no verdict/);
    expect(exits).toMatch(/\b130 interrupted/);
  });

  test('its merge example runs both shards before merging them', () => {
    const example = USAGE.slice(USAGE.indexOf('--shard 1/2'));
    expect(example).toMatch(/--shard 1\/2 --report-dir reports\/s1 && npx flow-conformance --shard 2\/2 --report-dir reports\/s2 \\\n\s+&& npx flow-conformance merge reports\/s1 reports\/s2/);
  });

  test('every option it names exists, and names every option there is', () => {
    const named = new Set([...USAGE.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!));
    for (const name of named) expect(nearestOption(`--${name}`), `--${name}`).toBe(name);
    for (const argv of [['--seed', '1', '--path', '1'], ['--ledger', 'x'], ['--prefix', 'p'], ['--yes'], ['--read-only']]) expect(() => normaliseArgv(argv)).not.toThrow();
    expect([...named].sort()).toEqual(['against', 'baseline', 'config', 'fault', 'grep', 'help', 'host', 'ledger', 'max-requests', 'path', 'port', 'prefix', 'read-only', 'report-dir', 'requirement', 'runs', 'seed', 'shard', 'strict', 'target', 'timeout', 'transport', 'version', 'workers', 'write-baseline', 'writers', 'yes']);
  });
});
