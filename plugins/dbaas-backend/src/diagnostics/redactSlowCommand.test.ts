import { redactSlowCommand } from './redactSlowCommand';

describe('redactSlowCommand', () => {
  it('keeps the command and the key the server found, and counts the rest', () => {
    expect(
      redactSlowCommand(['set', 'user:1', 'secret', 'EX', '10'], 'user:1'),
    ).toEqual({ command: 'SET', key: 'user:1', redactedArguments: 3 });
  });

  it('shows no argument of a command without keys', () => {
    expect(
      redactSlowCommand(['auth', 'app', 'the-password'], undefined),
    ).toEqual({ command: 'AUTH', redactedArguments: 2 });
  });

  it('names the subcommand of container commands but not what follows', () => {
    expect(
      redactSlowCommand(
        ['config', 'set', 'requirepass', 'the-password'],
        undefined,
      ),
    ).toEqual({ command: 'CONFIG SET', redactedArguments: 2 });
    expect(redactSlowCommand(['object', 'encoding', 'k'], 'k')).toEqual({
      command: 'OBJECT ENCODING',
      key: 'k',
      redactedArguments: 0,
    });
  });
});
