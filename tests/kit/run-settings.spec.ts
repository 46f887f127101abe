// The run settings the CLI hands its workers: what the writer puts in the environment the reader gets back, typed;
// unset and empty mean the same; a value that does not parse is an error naming the variable.
import { expect, test } from '@playwright/test';
import { readRunSetting, readRunSettings, RUN_SETTING_ENV, RunSettingError, writeRunSettings } from '../../kit/run-settings.ts';

test('what the CLI writes, a worker reads back typed', () => {
  const env = writeRunSettings({}, {
    ledgerFile: '/r/ledger.jsonl', strict: true, readOnly: false, faults: ['a', 'b'], seed: -1702551033, runs: 20,
    timeoutMs: 1500, transport: 'playwright', maxRequestsPerWorker: 3, configJson: { flowSpecId: 'f' },
  });
  expect(env[RUN_SETTING_ENV.strict]).toBe('1');
  expect(env[RUN_SETTING_ENV.faults]).toBe('a,b');
  const settings = readRunSettings(env);
  expect(settings).toMatchObject({
    ledgerFile: '/r/ledger.jsonl', strict: true, readOnly: false, faults: ['a', 'b'], seed: -1702551033, runs: 20,
    timeoutMs: 1500, transport: 'playwright', maxRequestsPerWorker: 3, configJson: { flowSpecId: 'f' },
  });
  expect(settings.runId).toBeUndefined();
});

test('unset and empty read alike: flags off, lists empty, the rest undefined', () => {
  for (const env of [{}, Object.fromEntries(Object.values(RUN_SETTING_ENV).map((name) => [name, '']))]) {
    const settings = readRunSettings(env);
    expect(settings.strict).toBe(false);
    expect(settings.faults).toEqual([]);
    expect(settings.seed).toBeUndefined();
    expect(settings.transport).toBeUndefined();
  }
});

test('undefined removes a variable; a setting left out keeps what the environment held', () => {
  const env = writeRunSettings({ [RUN_SETTING_ENV.faults]: 'x', [RUN_SETTING_ENV.runs]: '7', [RUN_SETTING_ENV.mutation]: 'all' }, { faults: undefined, mutation: undefined });
  expect(env).toEqual({ [RUN_SETTING_ENV.runs]: '7' });
});

test('a value that does not parse names its variable and what it must be', () => {
  const cases: [keyof typeof RUN_SETTING_ENV, string, string][] = [
    ['seed', '12abc', 'FLOW_CONFORMANCE_SEED must be an integer, not "12abc"'],
    ['runs', '-1', 'FLOW_CONFORMANCE_RUNS must be an integer ≥ 0, not "-1"'],
    ['timeoutMs', '0', 'FLOW_CONFORMANCE_TIMEOUT_MS must be a number > 0, not "0"'],
    ['strict', 'yes', 'FLOW_CONFORMANCE_STRICT must be 1 or 0 (or true or false), not "yes"'],
    ['transport', 'curl', "FLOW_CONFORMANCE_TRANSPORT must be one of node, playwright, not 'curl'"],
    ['configJson', '{', 'FLOW_CONFORMANCE_CONFIG_JSON must be the checked config as JSON, and does not parse'],
  ];
  for (const [name, value, message] of cases) {
    const read = () => readRunSetting(name, { [RUN_SETTING_ENV[name]]: value });
    expect(read).toThrow(RunSettingError);
    expect(read).toThrow(message);
  }
});

test('every setting has its own FLOW_CONFORMANCE_ variable', () => {
  const names = Object.values(RUN_SETTING_ENV);
  expect(new Set(names).size).toBe(names.length);
  for (const name of names) expect(name).toMatch(/^FLOW_CONFORMANCE_[A-Z_]+$/);
});
