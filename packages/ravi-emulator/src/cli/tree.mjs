/**
 * The ravi v0.6.2 command tree (`pkg/cli/*.go`): names, help texts, flags and argument
 * rules, in the order Go's init() functions add them (files run alphabetically).
 * `run` names the handler as `module#export` under ./commands, loaded on demand so a
 * process only imports what it runs.
 */
import { link } from '../cobra/command.mjs';
import {
  authCommands,
  bool,
  completionCommand,
  contactsCommands,
  emailSendCommands,
  helpCommand,
  passwordsCommands,
  str,
  unread,
} from './tree-groups.mjs';

/** @typedef {import('../cobra/command.mjs').Command} Command */

const ROOT_LONG = `Ravi CLI — identity, email, phone, and credentials for AI agents.

Setup: ravi auth login (one-time, requires human for Google OAuth)
After setup, agents self-service everything.

Identity: .ravi/config.json in CWD > ~/.ravi/config.json > unscoped

Commands:
  auth       Authenticate (login/logout/status)
  identity   Manage identities (list/create/use)
  get        Retrieve resources (email/phone/owner)
  inbox      Read messages (sms/email)
  message    Individual message access
  email      Send emails (compose/reply/reply-all)
  passwords  Website passwords (create/get/list/update/delete/generate)
  secrets    Key-value secrets (list/get/set/delete)
  contacts   Manage contacts (list/search/get/create/update/delete)

`;

/**
 * The root command for a CLI generation. `legacy` (v0.5.x) swaps `--human` for `--json`,
 * and lacks `sso` and `identity create --provision-phone`.
 * @param {{ legacy: boolean }} generation
 * @returns {Command}
 */
export function buildTree({ legacy }) {
  const identityCreateFlags = [
    str('name', 'Name for the new identity (omit for auto-generated human name)'),
    str(
      'email',
      "Email address: local part (e.g. 'myagent'), full email (e.g. 'myagent@custom.com'), or omit for auto-generated",
    ),
  ];
  if (!legacy)
    identityCreateFlags.push(
      bool('provision-phone', 'Also provision a phone number for the new identity (requires a paid plan)'),
    );

  /** @type {Command[]} */
  const commands = [
    { use: 'auth', short: 'Manage authentication', commands: authCommands() },
    { use: 'contacts', short: 'Manage contacts', commands: contactsCommands() },
    { use: 'domains', short: 'List available email domains', run: 'identity#domains' },
    {
      use: 'email',
      short: 'Send emails (compose, reply, reply-all, forward)',
      long: 'Compose new emails, reply to existing ones, or forward them, with optional attachments.',
      commands: emailSendCommands(),
    },
    {
      use: 'feedback <message>',
      short: 'Send feedback to the Ravi team',
      long: 'Send a feedback email to feedback@ravi.id from your Ravi email address.',
      exactArgs: 1,
      flags: [str('subject', 'Email subject', { def: 'Feedback' })],
      run: 'misc#feedback',
    },
    {
      use: 'get',
      short: 'Get assigned resources',
      long: 'Get your assigned Ravi phone number or email address.',
      commands: [
        {
          use: 'owner',
          short: "Get account owner's name",
          long: 'Get the name of the account owner (the human who owns this Ravi account).',
          run: 'get#owner',
        },
        {
          use: 'phone',
          short: 'Get your assigned phone number',
          long: 'Get the Ravi phone number assigned to your account.',
          run: 'get#phone',
        },
        {
          use: 'email',
          short: 'Get your assigned email address',
          long: 'Get the Ravi email address assigned to your account.',
          run: 'get#email',
        },
      ],
    },
    {
      use: 'identity',
      short: 'Manage identities',
      long: 'List, create, and switch identities. Each identity bundles an email, phone, and credentials.',
      commands: [
        { use: 'list', short: 'List all identities', run: 'identity#list' },
        { use: 'create', short: 'Create a new identity', flags: identityCreateFlags, run: 'identity#create' },
        {
          use: 'use <uuid>',
          short: 'Set the active identity',
          long: 'Set which identity is used for all ravi commands.\nWrites to .ravi/config.json in CWD if it exists, otherwise ~/.ravi/config.json.',
          exactArgs: 1,
          run: 'identity#use',
        },
      ],
    },
    {
      use: 'inbox',
      short: 'Access your inbox',
      commands: [
        {
          use: 'email [thread_id]',
          short: 'List email threads or view a specific thread',
          long: 'List email threads or view a specific thread.\n\nWithout arguments, lists all email threads.\nWith a thread_id argument, shows the full thread conversation.',
          flags: unread('Only show threads with unread messages'),
          run: 'inbox#email',
        },
        {
          use: 'sms [conversation_id]',
          short: 'List SMS conversations or view a specific conversation',
          long: 'List SMS conversations or view a specific conversation.\n\nWithout arguments, lists all SMS conversations.\nWith a conversation_id argument, shows the full conversation.\n\nConversation IDs are in the format: {phone_id}_{from_number}\nExample: 1_+15551234567',
          flags: unread('Only show conversations with unread messages'),
          run: 'inbox#sms',
        },
      ],
    },
    {
      use: 'message',
      short: 'Access individual messages',
      long: 'Access individual SMS and email messages (not grouped by conversation/thread).',
      commands: ['sms', 'email'].map((kind) => ({
        use: `${kind} [message_id]`,
        short: `List or view ${kind === 'sms' ? 'SMS' : 'email'} messages`,
        long: `List all ${kind === 'sms' ? 'SMS' : 'email'} messages or view a specific message by ID.\n\nWithout arguments, lists all ${kind === 'sms' ? 'SMS' : 'email'} messages (newest first).\nWith a message ID, shows the specific message details.`,
        flags: unread('Show only unread messages'),
        run: `misc#message_${kind}`,
      })),
    },
    { use: 'passwords', short: 'Manage website passwords', commands: passwordsCommands() },
    { use: 'version', short: 'Print version information', run: 'auth#version' },
    {
      use: 'secrets',
      short: 'Manage key-value secrets',
      commands: [
        { use: 'list', short: 'List all stored secrets', run: 'secrets#list' },
        { use: 'get <key>', short: 'Show a stored secret by key', exactArgs: 1, run: 'secrets#get' },
        { use: 'set <key> <value>', short: 'Create or update a secret', exactArgs: 2, run: 'secrets#set' },
        {
          use: 'delete <uuid>',
          short: 'Delete a stored secret by UUID',
          exactArgs: 1,
          run: 'secrets#remove',
        },
      ],
    },
  ];
  if (!legacy) {
    commands.push({
      use: 'sso',
      short: 'Single Sign-On operations',
      commands: [
        {
          use: 'token',
          short: 'Request a short-lived SSO token',
          long: 'Request a short-lived SSO token (rvt_ prefix, 5-minute TTL). Requires an identity-scoped API key and an active subscription.',
          run: 'misc#ssoToken',
        },
      ],
    });
  }
  // Added by cobra itself at Execute time, after every init().
  commands.push(helpCommand(), completionCommand());

  return link({
    use: 'ravi',
    short: 'Ravi CLI — identity, email, phone, and credentials for AI agents',
    long:
      ROOT_LONG +
      (legacy
        ? 'All commands support --json for structured output.'
        : 'JSON output by default. Use --human for human-readable output.'),
    persistentFlags: [
      legacy ? bool('json', 'Output in JSON format') : bool('human', 'Output in human-readable format'),
    ],
    commands,
  });
}
