import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commands } from '../../bot/cards/helpCard';

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}
const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../manifest/manifest.json'), 'utf8')) as {
  bots: { commandLists: CommandList[] }[];
};
const commandLists = manifest.bots[0]!.commandLists;
const helpCardCommands = commands.map((command) => command.name);

describe("the manifest's bot commands", () => {
  it('are each a command the help card lists (so the bot understands it)', () => {
    for (const list of commandLists) {
      for (const { title } of list.commands) expect(helpCardCommands).toContain(title);
    }
  });

  it('offer the help card\'s register, profile, find a mentor, my matches and help in personal chat', () => {
    const personal = commandLists.find((list) => list.scopes.includes('personal'))!.commands.map((command) => command.title);
    for (const name of ['register', 'profile', 'find a mentor', 'my matches', 'help']) {
      expect(helpCardCommands).toContain(name);
      expect(personal).toContain(name);
    }
  });
});
