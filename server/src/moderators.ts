import { parseArgs } from 'node:util';
import { ModeratorName, ModeratorRole } from 'civic-comments/contract';
import { mixesAlphabets, nameSkeleton } from './names.js';
import { administratorName, newModeratorToken, tokenHash } from './http/auth.js';
import { seededBy } from './seed.js';
import { readersReports } from './storage/audit-entries.js';
import { openStorage } from './storage/open.js';

/** How the audit log names changes made from the command line. */
export const commandLine = 'Command line';

export const moderatorsUsage = `Usage: civic-comments-server moderators <command> [--db <url|path>]

  add "<name>" [--role administrator|moderator|analyst]
                   add someone and print their token, once (only its hash is kept). A moderator
                   (the default) works the queue and answers as the department; an analyst reads
                   and exports; an administrator also erases and changes consultations. To change
                   a role, remove them and add them again.
  list             list the moderators, with when each was added
  remove "<name>"  remove a moderator: their token stops working at once, on every instance

The database is --db or DATABASE_URL, as for the server (default ./data/comments.db).`;

/** Names the audit log already gives to someone other than a moderator. */
const reservedNames = [administratorName, commandLine, seededBy, readersReports].map((name) => name.toLowerCase());

/** What a `moderators` command printed and how it ended: 0 done, 1 refused, 2 not understood. */
export interface CommandResult {
  code: 0 | 1 | 2;
  out: string[];
  errors: string[];
  /** Whether the usage should follow the errors. */
  usage?: boolean;
}

const parseModeratorsArgs = (args: string[]) =>
  parseArgs({
    args,
    options: { db: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });

/** Runs `civic-comments-server moderators …`: the arguments after `moderators`. */
export async function moderatorsCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  let parsed: ReturnType<typeof parseModeratorsArgs>;
  try {
    parsed = parseModeratorsArgs(argv);
  } catch (error) {
    return { code: 2, out: [], errors: [(error as Error).message], usage: true };
  }
  const [command, ...names] = parsed.positionals;
  if (parsed.values.help || !command) return { code: command ? 0 : 2, out: [moderatorsUsage], errors: [] };
  const needsName = command === 'add' || command === 'remove';
  if (!['add', 'list', 'remove'].includes(command) || (needsName ? names.length !== 1 : names.length !== 0)) {
    return {
      code: 2,
      out: [],
      errors: [
        needsName ? `moderators ${command} takes one name, in quotes if it has spaces.` : `There is no moderators command "${command}".`,
      ],
      usage: true,
    };
  }
  const name = needsName ? ModeratorName.safeParse(names[0]) : undefined;
  if (name && !name.success) return { code: 2, out: [], errors: ['A moderator’s name must be 1 to 100 characters.'] };
  const role = ModeratorRole.safeParse(parsed.values.role ?? 'moderator');
  if (!role.success || (parsed.values.role !== undefined && command !== 'add')) {
    return {
      code: 2,
      out: [],
      errors: [`--role is given to moderators add, as administrator, moderator or analyst, not "${parsed.values.role}".`],
      usage: true,
    };
  }
  if (command === 'add' && mixesAlphabets(name!.data!)) {
    return {
      code: 1,
      out: [],
      errors: [`"${name!.data}" mixes letters of different alphabets, which can pass for another name: write it in one.`],
    };
  }
  if (command === 'add' && reservedNames.some((reserved) => nameSkeleton(reserved) === nameSkeleton(name!.data!))) {
    return {
      code: 1,
      out: [],
      errors: [`"${name!.data}" is, or looks like, how the audit log names the server itself: choose a person’s name.`],
    };
  }

  const storage = await openStorage(parsed.values.db ?? env.DATABASE_URL ?? './data/comments.db');
  try {
    if (command === 'list') {
      const moderators = await storage.listModerators();
      if (!moderators.length)
        return { code: 0, out: ['No moderators have been added. The holder of MODERATOR_TOKEN is the administrator.'], errors: [] };
      return { code: 0, out: moderators.map((m) => `${m.name}\t${m.role}\tadded ${m.createdAt}`), errors: [] };
    }
    if (command === 'add') {
      const alike = (await storage.listModerators()).find((m) => nameSkeleton(m.name) === nameSkeleton(name!.data!));
      if (alike && alike.name.toLowerCase() !== name!.data!.toLowerCase()) {
        return {
          code: 1,
          out: [],
          errors: [
            `"${name!.data}" looks like the name of "${alike.name}", and the audit log could not tell them apart: choose a name that reads differently.`,
          ],
        };
      }
      const token = newModeratorToken();
      if (!(await storage.addModerator(name!.data!, tokenHash(token), role.data, commandLine))) {
        return {
          code: 1,
          out: [],
          errors: [`There is already a moderator called "${name!.data}". Remove them first, or choose another name.`],
        };
      }
      return {
        code: 0,
        out: [
          `Added ${name!.data} as ${role.data === 'moderator' ? 'a' : 'an'} ${role.data}. Their token, shown this once (only its hash is kept):`,
          token,
          'They sign in to the moderation console with it.',
        ],
        errors: [],
      };
    }
    if (!(await storage.removeModerator(name!.data!, commandLine))) {
      return { code: 1, out: [], errors: [`There is no moderator called "${name!.data}". See: civic-comments-server moderators list`] };
    }
    return { code: 0, out: [`Removed ${name!.data}. Their token no longer works.`], errors: [] };
  } finally {
    await storage.close();
  }
}
