import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvironmentFileError, parseEnvFile, readEnvironment } from '../../scripts/appPackage/environment';
import { fillPlaceholders } from '../../scripts/appPackage/placeholders';

describe('env files', () => {
  it('reads NAME=value lines, skipping comments and blanks, and unquoting quoted values', () => {
    const text = ['# comment', '', 'A=1', 'EMPTY=', 'SUFFIX=" (dev)"', "SINGLE='x # y'", 'TRAILING=value # note', 'export EXPORTED=yes', '  SPACED = v  '].join('\n');
    expect(Object.fromEntries(parseEnvFile(text, '.env.t'))).toEqual({
      A: '1',
      EMPTY: '',
      SUFFIX: ' (dev)',
      SINGLE: 'x # y',
      TRAILING: 'value',
      EXPORTED: 'yes',
      SPACED: 'v',
    });
  });

  it('names the file and line of a line that is not an assignment', () => {
    expect(() => parseEnvFile('A=1\nBOT ID=2\n', 'env/.env.dev')).toThrow(new EnvironmentFileError('env/.env.dev:2: expected NAME=value, got "BOT ID=2"'));
  });

  describe('layering', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'tandem-env-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('lets .env.<name>.user override .env.<name>, and the process environment override both', () => {
      writeFileSync(path.join(dir, '.env.ci'), 'A=file\nB=file\nC=file\n');
      writeFileSync(path.join(dir, '.env.ci.user'), 'B=user\nC=user\n');
      const environment = readEnvironment('ci', dir, { C: 'process' });
      expect(['A', 'B', 'C', 'D'].map((name) => environment.valueOf(name))).toEqual(['file', 'user', 'process', undefined]);
      expect(environment.filesRead).toEqual([path.join(dir, '.env.ci'), path.join(dir, '.env.ci.user')]);
    });

    it('refuses environment names that would reach outside the env folder', () => {
      expect(() => readEnvironment('../secrets', dir, {})).toThrow(EnvironmentFileError);
    });
  });
});

describe('filling ${{NAME}} placeholders', () => {
  const values: Record<string, string> = { HOST: 'tandem.example.com', QUOTED: 'say "hi" \\ bye', EMPTY: '' };
  const valueOf = (name: string) => values[name];

  it('fills string values anywhere in the JSON, leaving keys and other types alone', () => {
    const template = { url: 'https://${{HOST}}/tab', list: ['${{ HOST }}', 3, true, null], text: '${{QUOTED}}', '${{HOST}}': 1 };
    expect(fillPlaceholders(template, valueOf)).toEqual({
      filled: { url: 'https://tandem.example.com/tab', list: ['tandem.example.com', 3, true, null], text: 'say "hi" \\ bye', '${{HOST}}': 1 },
      missing: [],
      malformed: [],
    });
  });

  it('lists each variable with no value or an empty one, except APP_NAME_SUFFIX', () => {
    const template = { a: '${{UNSET}}', b: '${{EMPTY}}${{UNSET}}', c: 'Tandem${{APP_NAME_SUFFIX}}' };
    const { filled, missing } = fillPlaceholders(template, valueOf);
    expect(missing).toEqual(['EMPTY', 'UNSET']);
    expect(filled).toMatchObject({ c: 'Tandem' });
  });

  it('reports the path of a placeholder it cannot read instead of leaving ${{ in the manifest', () => {
    expect(fillPlaceholders({ bots: [{ botId: '${{BOT-ID}}' }] }, valueOf).malformed).toEqual(['/bots/0/botId']);
  });
});
