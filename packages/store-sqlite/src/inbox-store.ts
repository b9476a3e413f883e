import BetterSqlite3 from 'better-sqlite3';
import { ValidationError } from '@smm/core/errors';
import {
  InboxConflictError,
  compareConversations,
  compareIdentities,
  matchesInboxFilter,
  type Conversation,
  type InboxStore,
  type InboxStoreFilter,
  type StoredConversation,
} from '@smm/core/listening';

/** Options of {@link createSqliteInboxStore}. Give exactly one of `path` and `database`. */
export interface SqliteInboxStoreOptions {
  /** The database file (created when missing); the scheduler's file may be shared. `:memory:` for a private database. */
  path?: string;
  /** An open better-sqlite3 connection to use instead of `path` (the store does not close it). */
  database?: BetterSqlite3.Database;
  /** How long a write waits for another connection's write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
}

/** An `InboxStore` on SQLite; `close()` closes the connection it opened. */
export interface SqliteInboxStore extends InboxStore {
  close(): void;
}

// Its own tables, apart from the scheduler's migrations (which own PRAGMA user_version): one
// row per conversation (the JSON body plus the columns lists filter and sort on), an index of
// every message id for findMessage, and customer links. Steps are applied once, in order,
// recorded in inbox_schema; step 1 is written with IF NOT EXISTS because files made before
// inbox_schema existed already have its tables.
const SCHEMA_V1 = `
CREATE TABLE IF NOT EXISTS inbox_conversations (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  platform TEXT NOT NULL,
  account_id TEXT NOT NULL,
  state TEXT NOT NULL,
  assignee TEXT,
  last_inbound_ms INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inbox_conversations_recent ON inbox_conversations (last_inbound_ms DESC, id);
CREATE TABLE IF NOT EXISTS inbox_messages (
  platform TEXT NOT NULL,
  message_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  PRIMARY KEY (platform, message_id)
) WITHOUT ROWID;
`;

/** The inbox tables' migrations: a released step is never edited; a change is a new step. */
export const INBOX_MIGRATIONS: ReadonlyArray<{ version: number; description: string; sql: string }> = [
  { version: 1, description: 'conversations as JSON with filter columns; message index', sql: SCHEMA_V1 },
  {
    version: 2,
    description: 'customer identities: one customer id per (platform, author id)',
    sql: `
      CREATE TABLE inbox_customers (
        platform TEXT NOT NULL,
        author_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        PRIMARY KEY (platform, author_id)
      ) WITHOUT ROWID;
      CREATE INDEX inbox_customers_customer ON inbox_customers (customer_id, platform, author_id);
    `,
  },
];

function migrateInbox(db: BetterSqlite3.Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS inbox_schema (version INTEGER NOT NULL)');
    const found = (db.prepare('SELECT MAX(version) AS version FROM inbox_schema').get() as { version: number | null }).version ?? 0;
    for (const step of INBOX_MIGRATIONS) {
      if (step.version <= found) continue;
      db.exec(step.sql);
      db.prepare('INSERT INTO inbox_schema (version) VALUES (?)').run(step.version);
    }
  }).immediate();
}

interface Row {
  version: number;
  body: string;
}

/**
 * A durable, shared inbox store on SQLite (better-sqlite3, WAL): every app instance opening
 * the same file sees one inbox. `update` is a compare-and-set on the version inside one
 * transaction, so of two connections writing the same version exactly one wins; the other
 * gets `InboxConflictError`. Passes `@smm/testkit/inbox-conformance`.
 *
 * @throws ValidationError when neither or both of `path` and `database` are given, or the file cannot be opened.
 * @example
 * ```ts
 * import { createSqliteInboxStore } from '@smm/store-sqlite';
 * import { updateConversation } from '@smm/core/listening';
 *
 * const store = createSqliteInboxStore({ path: './inbox.db' });
 * await updateConversation(store, id, (c) => ({ ...c, assignee: 'sam', state: 'assigned' }));
 * ```
 */
export function createSqliteInboxStore(options: SqliteInboxStoreOptions): SqliteInboxStore {
  if ((options.path === undefined) === (options.database === undefined)) {
    throw new ValidationError('createSqliteInboxStore options', [
      {
        path: ['path'],
        code: 'custom',
        message: 'give exactly one of `path` (a file to open) or `database` (an open better-sqlite3 Database)',
      },
    ]);
  }
  const owned = options.database === undefined;
  let db: BetterSqlite3.Database;
  try {
    db = options.database ?? new BetterSqlite3(options.path!);
  } catch (error) {
    throw new ValidationError(
      'createSqliteInboxStore options',
      [
        {
          path: ['path'],
          code: 'cannot_open',
          message: `cannot open "${options.path}" (${(error as Error).message}); check that its directory exists`,
        },
      ],
      { cause: error },
    );
  }
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);
  db.pragma('journal_mode = WAL');
  migrateInbox(db);

  const statements = {
    get: db.prepare<[string], Row>('SELECT version, body FROM inbox_conversations WHERE id = ?'),
    insert: db.prepare(
      'INSERT INTO inbox_conversations (id, version, platform, account_id, state, assignee, last_inbound_ms, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    update: db.prepare(
      'UPDATE inbox_conversations SET version = ?, platform = ?, account_id = ?, state = ?, assignee = ?, last_inbound_ms = ?, body = ? WHERE id = ? AND version = ?',
    ),
    message: db.prepare('INSERT OR REPLACE INTO inbox_messages (platform, message_id, conversation_id) VALUES (?, ?, ?)'),
    find: db.prepare<[string, string], { conversation_id: string }>(
      'SELECT conversation_id FROM inbox_messages WHERE platform = ? AND message_id = ?',
    ),
    all: db.prepare<[], Row>('SELECT version, body FROM inbox_conversations ORDER BY last_inbound_ms DESC, id'),
    link: db.prepare('INSERT OR REPLACE INTO inbox_customers (platform, author_id, customer_id) VALUES (?, ?, ?)'),
    customerOf: db.prepare<[string, string], { customer_id: string }>(
      'SELECT customer_id FROM inbox_customers WHERE platform = ? AND author_id = ?',
    ),
    identities: db.prepare<[string], { platform: string; author_id: string }>(
      'SELECT platform, author_id FROM inbox_customers WHERE customer_id = ?',
    ),
  };

  // Object.assign: a spread copy that gains a property leaves V8's fast path (Node 20).
  const parse = (row: Row): StoredConversation => Object.assign({}, JSON.parse(row.body) as Conversation, { version: row.version });
  const plain = (conversation: Conversation): Conversation => {
    const { version: _version, ...rest } = conversation as StoredConversation;
    return rest;
  };
  const indexMessages = (conversation: Conversation) => {
    for (const message of conversation.messages) statements.message.run(conversation.platform, message.id, conversation.id);
  };
  const columns = (conversation: Conversation) =>
    [
      conversation.platform,
      conversation.accountId,
      conversation.state,
      conversation.assignee,
      Date.parse(conversation.lastInboundAt),
      JSON.stringify(conversation),
    ] as const;
  const conflictOf = (id: string, expectedVersion: number | null, message: (actual: number | null) => string) => {
    const actual = statements.get.get(id)?.version ?? null;
    return new InboxConflictError(message(actual), { conversationId: id, expectedVersion, actualVersion: actual });
  };

  const create = db.transaction((conversation: Conversation): StoredConversation => {
    if (statements.get.get(conversation.id) !== undefined) {
      throw conflictOf(
        conversation.id,
        null,
        (actual) => `Conversation ${conversation.id} already exists (version ${actual}); read it and update it.`,
      );
    }
    statements.insert.run(conversation.id, 1, ...columns(conversation));
    indexMessages(conversation);
    return { ...structuredClone(conversation), version: 1 };
  });
  const update = db.transaction((conversation: Conversation, expectedVersion: number): StoredConversation => {
    const result = statements.update.run(expectedVersion + 1, ...columns(conversation), conversation.id, expectedVersion);
    if (result.changes !== 1) {
      throw conflictOf(conversation.id, expectedVersion, (actual) =>
        actual === null
          ? `No conversation ${conversation.id} to update; create it first.`
          : `Conversation ${conversation.id} is at version ${actual}, not ${expectedVersion}: someone changed it; read it again.`,
      );
    }
    indexMessages(conversation);
    return { ...structuredClone(conversation), version: expectedVersion + 1 };
  });

  return {
    get: async (id) => {
      const row = statements.get.get(id);
      return row === undefined ? undefined : parse(row);
    },
    create: async (conversation) => create.immediate(plain(conversation)),
    update: async (conversation, expectedVersion) => update.immediate(plain(conversation), expectedVersion),
    list: async (filter: InboxStoreFilter = {}) =>
      statements.all
        .all()
        .map(parse)
        .filter((conversation) => matchesInboxFilter(conversation, filter))
        .sort(compareConversations),
    findMessage: async (platform, id) => statements.find.get(platform, id)?.conversation_id,
    linkCustomer: async (customerId, identity) => void statements.link.run(identity.platform, identity.authorId, customerId),
    customerOf: async (identity) => statements.customerOf.get(identity.platform, identity.authorId)?.customer_id,
    // Sorted in JS: SQLite's BINARY collation and JS string order differ outside the BMP.
    customerIdentities: async (customerId) =>
      statements.identities
        .all(customerId)
        .map((row) => ({ platform: row.platform, authorId: row.author_id }))
        .sort(compareIdentities),
    close: () => {
      if (owned && db.open) db.close();
    },
  };
}
