/**
 * Building blocks of the ravi v0.6.2 command tree: flag constructors and the command
 * groups with many leaves (auth, contacts, email, passwords), plus the two commands cobra
 * adds by itself (help, completion). Texts are copied from the Go sources' Use/Short/Long.
 */

/** @typedef {import('../cobra/command.mjs').Command} Command */
/** @typedef {import('../cobra/flags.mjs').FlagDef} FlagDef */

/** @returns {FlagDef} */
export const str = (/** @type {string} */ name, /** @type {string} */ usage, extra = {}) => ({
  name,
  type: 'string',
  usage,
  ...extra,
});
/** @returns {FlagDef} */
export const bool = (/** @type {string} */ name, /** @type {string} */ usage) => ({
  name,
  type: 'bool',
  usage,
});
/** @returns {FlagDef} */
export const int = (/** @type {string} */ name, /** @type {string} */ usage, def = 0) => ({
  name,
  type: 'int',
  usage,
  def,
});
/** @returns {FlagDef} */
export const slice = (/** @type {string} */ name, /** @type {string} */ usage) => ({
  name,
  type: 'stringSlice',
  usage,
});

const genFlags = () => [
  bool('no-special', 'Exclude special characters'),
  bool('no-digits', 'Exclude digits'),
  str('exclude-chars', 'Exclude specific characters'),
];
export const unread = (/** @type {string} */ usage) => [bool('unread', usage)];
const sendFlags = () => [
  str('cc', 'CC recipients (comma-separated)'),
  str('bcc', 'BCC recipients (comma-separated)'),
  slice('attach', 'File paths to attach'),
];
const required = (/** @type {FlagDef} */ flag) => ({ ...flag, required: true });

/** @returns {Command[]} */
export function authCommands() {
  return [
    {
      use: 'login',
      short: 'Authenticate with Ravi',
      long: 'Start the device code flow to authenticate with your Ravi account.',
      run: 'auth#login',
    },
    { use: 'logout', short: 'Clear stored credentials', run: 'auth#logout' },
    { use: 'status', short: 'Show authentication status', run: 'auth#status' },
  ];
}

/** @returns {Command[]} */
export function contactsCommands() {
  const fields = (/** @type {string} */ verb) => [
    str('email', `${verb === 'New' ? 'New email address' : 'Contact email address'}`),
    str('phone', `${verb === 'New' ? 'New phone number' : 'Contact phone number'}`),
    str('display-name', `${verb === 'New' ? 'New display name' : 'Contact display name'}`),
    str('nickname', `${verb === 'New' ? 'New nickname' : 'Contact nickname'}`),
    bool('trusted', verb === 'New' ? 'Set trusted status' : 'Mark contact as trusted'),
  ];
  return [
    { use: 'list', short: 'List all contacts', run: 'misc#contactsList' },
    { use: 'search <query>', short: 'Search contacts', exactArgs: 1, run: 'misc#contactsSearch' },
    { use: 'get <uuid>', short: 'Show a contact', exactArgs: 1, run: 'misc#contactsGet' },
    { use: 'create', short: 'Create a new contact', flags: fields('Contact'), run: 'misc#notEmulated' },
    {
      use: 'update <uuid>',
      short: 'Update a contact',
      exactArgs: 1,
      flags: fields('New'),
      run: 'misc#notEmulated',
    },
    { use: 'delete <uuid>', short: 'Delete a contact', exactArgs: 1, run: 'misc#notEmulated' },
  ];
}

/** @returns {Command[]} */
export function emailSendCommands() {
  const body = required(str('body', 'Email body — HTML supported (required)'));
  const to = required(str('to', 'Recipient email address (required)'));
  return [
    {
      use: 'compose',
      short: 'Compose and send a new email',
      long: 'Compose and send a new email from your Ravi email address.\n\nThe --body flag accepts HTML content for formatting.',
      flags: [to, required(str('subject', 'Email subject (required)')), body, ...sendFlags()],
      run: 'misc#notEmulated',
    },
    {
      use: 'reply <message_id>',
      short: 'Reply to an email (sender only)',
      exactArgs: 1,
      flags: [body, ...sendFlags()],
      run: 'misc#notEmulated',
    },
    {
      use: 'reply-all <message_id>',
      short: 'Reply to all recipients of an email',
      exactArgs: 1,
      flags: [body, ...sendFlags()],
      run: 'misc#notEmulated',
    },
    {
      use: 'forward <message_id>',
      short: 'Forward an email',
      exactArgs: 1,
      flags: [to, body, ...sendFlags()],
      run: 'misc#notEmulated',
    },
  ];
}

/** @returns {Command[]} */
export function passwordsCommands() {
  return [
    { use: 'list', short: 'List all stored passwords', run: 'passwords#list' },
    { use: 'get <uuid>', short: 'Show a stored password', exactArgs: 1, run: 'passwords#get' },
    {
      use: 'create <domain>',
      short: 'Create a new password entry',
      exactArgs: 1,
      flags: [
        str('password', 'Password (if empty, auto-generates)'),
        bool('generate', 'Auto-generate password'),
        int('length', 'Generated password length', 16),
        ...genFlags(),
        str('username', 'Username (defaults to identity email)'),
        str('notes', 'Optional notes'),
      ],
      run: 'passwords#create',
    },
    {
      use: 'update <uuid>',
      short: 'Update a stored password entry',
      exactArgs: 1,
      flags: [
        str('domain', 'New domain'),
        str('username', 'New username'),
        str('password', 'New password'),
        str('notes', 'New notes'),
      ],
      run: 'passwords#update',
    },
    { use: 'delete <uuid>', short: 'Delete a stored password entry', exactArgs: 1, run: 'passwords#remove' },
    {
      use: 'generate',
      short: 'Generate a random password',
      flags: [int('length', 'Password length', 16), ...genFlags()],
      run: 'passwords#generate',
    },
  ];
}

/** @returns {Command} */
export function helpCommand() {
  return {
    use: 'help [command]',
    short: 'Help about any command',
    long: 'Help provides help for any command in the application.\nSimply type ravi help [path to command] for full details.',
    run: 'builtin#help',
  };
}

/** @returns {Command} */
export function completionCommand() {
  return {
    use: 'completion',
    short: 'Generate the autocompletion script for the specified shell',
    long: "Generate the autocompletion script for ravi for the specified shell.\nSee each sub-command's help for details on how to use the generated script.\n",
    noArgs: true,
    commands: ['bash', 'fish', 'powershell', 'zsh'].map((shell) => ({
      use: shell,
      short: `Generate the autocompletion script for ${shell}`,
      flags: [bool('no-descriptions', 'disable completion descriptions')],
      run: 'builtin#completion',
    })),
  };
}
