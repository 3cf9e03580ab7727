import { errorMessage } from '../errors.js';

type Command = (argv: string[]) => Promise<number>;

/** Subcommands, each imported only when it runs (start-up stays fast). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.js')).serve,
  constants: async () => (await import('./constants.js')).constants,
  logs: async () => (await import('./logs.js')).logs,
  exec: async () => (await import('./exec.js')).exec,
};

const USAGE = `usage: posemu <command> [options]

commands:
  serve [--root DIR] [--port N] [--host H] [--data DIR] [--no-watch] [--outbound HOST=URL]
  constants set --name N --value V | unset --name N | list
  logs [--filter TYPE] [-q] [--json] [--no-follow]
  exec liquid "<code>" | -f FILE
  exec graphql "<query>" | -f FILE [-p '{json}']

Commands other than serve talk to a running instance: --url or POSEMU_URL
(default http://127.0.0.1:3000), token from POSEMU_TOKEN or <data>/admin-token.`;

export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = name ? 0 : 1;
    return;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`posemu: unknown command "${name}"\n${USAGE}\n`);
    process.exitCode = 1;
    return;
  }
  try {
    process.exitCode = await (await load())(rest);
  } catch (err) {
    process.stderr.write(`posemu ${name}: ${process.env.DEBUG === '1' && err instanceof Error ? err.stack : errorMessage(err)}\n`);
    process.exitCode = 1;
  }
}
