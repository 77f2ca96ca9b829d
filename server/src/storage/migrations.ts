/** A group's newest, in the order of the queue's index, so that PostgreSQL reads it there. */
const newestFirstInGroup = 'ORDER BY campaign DESC, page DESC, section DESC, status DESC, created_at DESC, id DESC LIMIT 1';

/** Whether the row being counted is newer than the newest its campaign's group had (`excluded` being the row). */
const newer = (table: string) =>
  `${table}.newest_at IS NULL OR excluded.newest_at > ${table}.newest_at OR (excluded.newest_at = ${table}.newest_at AND excluded.newest_id > ${table}.newest_id)`;

/** 1 for a row with reports no moderator has decided on, 0 otherwise, in either database. */
const reportedOf = (row: string) => `CASE WHEN ${row}.reports > ${row}.reports_reviewed THEN 1 ELSE 0 END`;

/** The match of a campaign's group for a row as it was (OLD). */
const oldGroup = `campaign = OLD.campaign AND page = OLD.page AND section = OLD.section AND status = OLD.status`;

/** SQLite's trigger steps that count a new row (NEW) of a campaign in its group. */
const sqliteCounted = `INSERT INTO campaign_counts AS counted (campaign, page, section, status, n, reported, newest_at, newest_id)
          SELECT NEW.campaign, NEW.page, NEW.section, NEW.status, 1, ${reportedOf('NEW')}, NEW.created_at, NEW.id WHERE NEW.campaign IS NOT NULL
          ON CONFLICT (campaign, page, section, status) DO UPDATE SET n = counted.n + 1, reported = counted.reported + excluded.reported,
            newest_at = CASE WHEN ${newer('counted')} THEN excluded.newest_at ELSE counted.newest_at END,
            newest_id = CASE WHEN ${newer('counted')} THEN excluded.newest_id ELSE counted.newest_id END;`;

/**
 * SQLite's trigger steps that take a row as it was (OLD) out of its campaign's group: should it have
 * been the group's newest, the newest is found again, by the queue's index.
 */
const sqliteUncounted = `UPDATE campaign_counts SET n = n - 1, reported = reported - ${reportedOf('OLD')} WHERE ${oldGroup};
        UPDATE campaign_counts SET
            newest_at = (SELECT created_at FROM comments WHERE ${oldGroup} ${newestFirstInGroup}),
            newest_id = (SELECT id FROM comments WHERE ${oldGroup} ${newestFirstInGroup})
          WHERE ${oldGroup} AND newest_id = OLD.id;`;

/**
 * A count of comments kept by triggers in a table of its own, one row per value of its keys: each
 * key a column of the table and the expression of a comments row (`NEW` or `OLD`) that fills it.
 * Only rows for which `when` holds are counted; a change to a `watched` column moves a row from one
 * count to another.
 */
interface Tally {
  table: string;
  keys: [column: string, of: (row: string) => string][];
  /** Further counts beside `n`: each row adds what its expression gives (0 or 1). */
  sums?: [column: string, of: (row: string) => string][];
  when: (row: string) => string;
  watched: string[];
}

const tallyColumns = (tally: Tally) => tally.keys.map(([column]) => column).join(', ');
const tallyValues = (tally: Tally, row: string) => tally.keys.map(([, of]) => of(row)).join(', ');
const tallyMatch = (tally: Tally, row: string) => tally.keys.map(([column, of]) => `${column} = ${of(row)}`).join(' AND ');
const tallyChanged = (tally: Tally, differ: string) => tally.watched.map((column) => `OLD.${column} ${differ} NEW.${column}`).join(' OR ');

/** The tally's table, filled with what the comments already hold. */
const tallyTable = (tally: Tally) => `
      CREATE TABLE ${tally.table} (
        ${[...tally.keys.map(([column]) => `${column} TEXT NOT NULL`), 'n INTEGER NOT NULL', ...(tally.sums ?? []).map(([column]) => `${column} INTEGER NOT NULL`)].join(',\n        ')},
        PRIMARY KEY (${tallyColumns(tally)})
      );
      INSERT INTO ${tally.table} (${tallyColumns(tally)}, n${sumColumns(tally)})
        SELECT ${tallyValues(tally, 'comments')}, count(*)${(tally.sums ?? []).map(([, of]) => `, sum(${of('comments')})`).join('')}
        FROM comments WHERE ${tally.when('comments')} GROUP BY ${tallyValues(tally, 'comments')};`;

const sumColumns = (tally: Tally) => (tally.sums ?? []).map(([column]) => `, ${column}`).join('');

// The SELECT's WHERE also spares SQLite the ambiguity of an upsert after a SELECT without one.
const tallyAdd = (tally: Tally) =>
  `INSERT INTO ${tally.table} AS counted (${tallyColumns(tally)}, n${sumColumns(tally)})
          SELECT ${tallyValues(tally, 'NEW')}, 1${(tally.sums ?? []).map(([, of]) => `, ${of('NEW')}`).join('')} WHERE ${tally.when('NEW')}
          ON CONFLICT (${tallyColumns(tally)}) DO UPDATE SET n = counted.n + 1${(tally.sums ?? []).map(([column]) => `, ${column} = counted.${column} + excluded.${column}`).join('')};`;
const tallyTake = (tally: Tally) =>
  `UPDATE ${tally.table} SET n = n - 1${(tally.sums ?? []).map(([column, of]) => `, ${column} = ${column} - ${of('OLD')}`).join('')}
          WHERE ${tallyMatch(tally, 'OLD')} AND ${tally.when('OLD')};`;

/** SQLite's triggers for a tally. */
const sqliteTally = (tally: Tally) => `
      CREATE TRIGGER ${tally.table}_insert AFTER INSERT ON comments BEGIN
        ${tallyAdd(tally)}
      END;
      CREATE TRIGGER ${tally.table}_delete AFTER DELETE ON comments BEGIN
        ${tallyTake(tally)}
      END;
      CREATE TRIGGER ${tally.table}_update AFTER UPDATE OF ${tally.watched.join(', ')} ON comments WHEN ${tallyChanged(tally, 'IS NOT')} BEGIN
        ${tallyTake(tally)}
        ${tallyAdd(tally)}
      END;`;

/** PostgreSQL's function and triggers for a tally. */
const postgresTally = (tally: Tally) => `
      CREATE OR REPLACE FUNCTION ${tally.table}_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          ${tallyTake(tally)}
        END IF;
        IF TG_OP <> 'DELETE' THEN
          ${tallyAdd(tally)}
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER ${tally.table}_insert_delete AFTER INSERT OR DELETE ON comments
        FOR EACH ROW EXECUTE FUNCTION ${tally.table}_change();
      CREATE TRIGGER ${tally.table}_update AFTER UPDATE OF ${tally.watched.join(', ')} ON comments
        FOR EACH ROW WHEN (${tallyChanged(tally, 'IS DISTINCT FROM')}) EXECUTE FUNCTION ${tally.table}_change();`;

/**
 * The queue's counts: every response by page, section and status, with how many have reports no
 * moderator has decided on. Grouping into campaigns does not touch it, so the grouper's long
 * transactions never hold the rows every post counts itself in.
 */
const responseTally: Tally = {
  table: 'response_counts',
  keys: [
    ['page', (row) => `${row}.page`],
    ['section', (row) => `${row}.section`],
    ['status', (row) => `${row}.status`],
  ],
  sums: [['reported', reportedOf]],
  when: () => '1 = 1',
  watched: ['page', 'section', 'status', 'reports', 'reports_reviewed'],
};

/** The overview's figures: the public's responses by section, visibility, status, respondent, language and hour. */
const overviewTally: Tally = {
  table: 'overview_counts',
  keys: [
    ['page', (row) => `${row}.page`],
    ['section', (row) => `${row}.section`],
    ['visibility', (row) => `${row}.visibility`],
    ['status', (row) => `${row}.status`],
    ['respondent', (row) => `COALESCE(${row}.respondent, '')`],
    ['lang', (row) => `COALESCE(${row}.lang, '')`],
    ['hour', (row) => `substr(${row}.created_at, 1, 13)`],
  ],
  when: (row) => `${row}.role = 'reader'`,
  watched: ['page', 'section', 'visibility', 'status', 'respondent', 'lang', 'role', 'created_at'],
};

/** How the public answered each closed question: by section, answer, respondent and status. */
const answerTally: Tally = {
  table: 'answer_counts',
  keys: [
    ['page', (row) => `${row}.page`],
    ['section', (row) => `${row}.section`],
    ['answer', (row) => `${row}.answer`],
    ['respondent', (row) => `COALESCE(${row}.respondent, '')`],
    ['status', (row) => `${row}.status`],
  ],
  when: (row) => `${row}.role = 'reader' AND ${row}.answer IS NOT NULL`,
  watched: ['page', 'section', 'answer', 'respondent', 'status', 'role'],
};

/**
 * Tables shared by both drivers; each driver applies, in order, the migrations it has not applied.
 * Dates are ISO 8601 text in UTC, which sorts as time does; `ORDERED` marks the columns that lists
 * sort by, which PostgreSQL must compare byte by byte rather than by its locale's rules, and
 * `SERIAL_ID` a key the database numbers itself, in the order rows are written.
 */
export const migrations: {
  version: number;
  sql: string;
  /** What only SQLite runs, after `sql`: where the two databases' dialects differ (triggers). */
  sqlite?: string;
  /** What only PostgreSQL runs, after `sql`. */
  postgres?: string;
}[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE comments (
        id ORDERED PRIMARY KEY,
        page TEXT NOT NULL,
        section TEXT NOT NULL,
        parent_id TEXT,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        body TEXT NOT NULL,
        visibility TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at ORDERED NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX comments_public ON comments (page, section, status, visibility, created_at, id);
      CREATE INDEX comments_recent ON comments (created_at, id);
      CREATE INDEX comments_email ON comments (email);
      CREATE TABLE idempotency_keys (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        comment_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX idempotency_comment ON idempotency_keys (comment_id);
    `,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE idempotency_keys ADD COLUMN removed TEXT;
      CREATE TABLE rate_limits (
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        window_end BIGINT NOT NULL,
        hits INTEGER NOT NULL,
        PRIMARY KEY (key, window_start)
      );
      CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 3,
    // A change counter per page, raised in the same transaction as every write the public can see,
    // so that each instance can tell in one indexed read whether the answers it keeps still hold.
    sql: `CREATE TABLE page_versions (page TEXT PRIMARY KEY, version BIGINT NOT NULL);`,
  },
  {
    version: 4,
    // Consultations with dates, the department's own responses, and what it did with each section's comments.
    sql: `
      ALTER TABLE comments ADD COLUMN role TEXT NOT NULL DEFAULT 'reader';
      CREATE TABLE consultations (
        page TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        opens_at TEXT,
        closes_at TEXT,
        department TEXT,
        ask_organisation INTEGER NOT NULL,
        contact_email TEXT,
        sections TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE outcomes (
        page TEXT NOT NULL,
        section TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (page, section)
      );
    `,
  },
  {
    version: 5,
    // Respondents: whom they answer for, the language they wrote in, and the reference they were
    // given. Rows from before have none of these, and read as an individual's, with no reference.
    sql: `
      ALTER TABLE comments ADD COLUMN respondent TEXT;
      ALTER TABLE comments ADD COLUMN organisation TEXT;
      ALTER TABLE comments ADD COLUMN lang TEXT;
      ALTER TABLE comments ADD COLUMN reference TEXT;
      CREATE UNIQUE INDEX comments_reference ON comments (reference);
    `,
  },
  {
    version: 6,
    // Receipts waiting to be mailed, and what became of them: an outbox, so that a mail server that
    // is down never fails, delays or loses a response.
    sql: `
      CREATE TABLE receipts (
        comment_id TEXT PRIMARY KEY,
        recipient TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        sent_at TEXT
      );
      CREATE INDEX receipts_due ON receipts (state, next_attempt_at);
    `,
  },
  {
    version: 7,
    // Moderators by name, each with a token of their own (only its hash is kept), and the log of
    // what each of them did. The log keeps a response's reference, which outlives its deletion.
    sql: `
      CREATE TABLE moderators (
        name TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX moderators_name ON moderators (lower(name));
      CREATE TABLE audit_log (
        id SERIAL_ID,
        at TEXT NOT NULL,
        moderator TEXT NOT NULL,
        action TEXT NOT NULL,
        comment_id TEXT,
        reference TEXT,
        page TEXT,
        section TEXT,
        from_value TEXT,
        to_value TEXT
      );
      CREATE INDEX audit_comment ON audit_log (comment_id);
      CREATE INDEX audit_moderator ON audit_log (moderator, id);
    `,
  },
  {
    version: 8,
    // Readers' reports: one row per reader and comment (readers are known by a keyed hash of their
    // address), and on each comment how many reported it and how many of those a moderator has seen.
    sql: `
      ALTER TABLE comments ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE comments ADD COLUMN reports_reviewed INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX comments_reported ON comments (created_at, id) WHERE reports > reports_reviewed;
      CREATE TABLE reports (
        comment_id TEXT NOT NULL,
        reporter TEXT NOT NULL,
        reason TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (comment_id, reporter)
      );
    `,
  },
  {
    version: 9,
    // Campaigns: each response's MinHash signature once grouped (NULL until then, '' for what is
    // never grouped), the campaign it belongs to (the id of its first response), and the band keys
    // through which near-identical responses find each other.
    sql: `
      ALTER TABLE comments ADD COLUMN fingerprint TEXT;
      ALTER TABLE comments ADD COLUMN campaign TEXT;
      CREATE INDEX comments_campaign ON comments (campaign);
      CREATE INDEX comments_ungrouped ON comments (created_at, id) WHERE fingerprint IS NULL;
      CREATE TABLE campaign_bands (
        band TEXT NOT NULL,
        comment_id TEXT NOT NULL,
        PRIMARY KEY (band, comment_id)
      );
    `,
  },
  {
    version: 10,
    // Each named moderator's role. Those added before roles were moderators: an administrator gives
    // a wider role by adding them again with --role.
    sql: `ALTER TABLE moderators ADD COLUMN role TEXT NOT NULL DEFAULT 'moderator';`,
  },
  {
    version: 11,
    // The options a response chose in answer to its section's question, as a JSON array; and whether a
    // closed consultation shows how many chose each. Questions themselves live in `sections`.
    sql: `
      ALTER TABLE comments ADD COLUMN answer TEXT;
      ALTER TABLE consultations ADD COLUMN show_answer_counts INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 12,
    // Sections that change: every wording a section has had, from when it was published to when it
    // was replaced (NULL while current), with what the department said changed; and the version of
    // its section's wording each response arrived on (NULL where the section had none, as every
    // response stored before now).
    sql: `
      CREATE TABLE section_versions (
        page ORDERED NOT NULL,
        section ORDERED NOT NULL,
        version INTEGER NOT NULL,
        text TEXT NOT NULL,
        note TEXT,
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        PRIMARY KEY (page, section, version)
      );
      ALTER TABLE comments ADD COLUMN section_version INTEGER;
    `,
  },
  {
    version: 13,
    // An export reads one consultation's responses in the order they arrived, a batch at a time.
    sql: `CREATE INDEX comments_by_page ON comments (page, created_at, id);`,
  },
  {
    version: 14,
    // The Consult export reads one consultation's responses by respondent (their email, whatever its
    // case), a batch at a time.
    sql: `CREATE INDEX comments_by_respondent ON comments (page, lower(email), created_at, id);`,
  },
  {
    version: 15,
    // The moderation queue at any size. How many responses each page, section and status has, and
    // how many of them have reports no moderator has decided on (see responseTally); the same for
    // each campaign, with its newest response in each; kept by triggers as rows are written, so
    // that the queue reads its counts and each campaign's newest from a few rows rather than from
    // every response, and so that they cannot drift from a recount whatever writes the rows. The
    // queue's lists read the index that starts with the same columns, newest first within each.
    sql: `${tallyTable(responseTally)}
      CREATE TABLE campaign_counts (
        campaign TEXT NOT NULL,
        page TEXT NOT NULL,
        section TEXT NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        reported INTEGER NOT NULL,
        newest_at ORDERED,
        newest_id ORDERED,
        PRIMARY KEY (campaign, page, section, status)
      );
      DROP INDEX comments_campaign;
      CREATE INDEX comments_queue ON comments (campaign, page, section, status, created_at, id);
      INSERT INTO campaign_counts (campaign, page, section, status, n, reported, newest_at, newest_id)
        SELECT campaign, page, section, status, n, reported, created_at, id FROM (
          SELECT campaign, page, section, status, created_at, id,
            count(*) OVER combo AS n, sum(${reportedOf('comments')}) OVER combo AS reported,
            row_number() OVER (combo ORDER BY created_at DESC, id DESC) AS place
          FROM comments WHERE campaign IS NOT NULL WINDOW combo AS (PARTITION BY campaign, page, section, status)
        ) AS grouped WHERE place = 1;
    `,
    sqlite: `${sqliteTally(responseTally)}
      CREATE TRIGGER campaign_counts_insert AFTER INSERT ON comments WHEN NEW.campaign IS NOT NULL BEGIN
        ${sqliteCounted}
      END;
      CREATE TRIGGER campaign_counts_delete AFTER DELETE ON comments WHEN OLD.campaign IS NOT NULL BEGIN
        ${sqliteUncounted}
      END;
      CREATE TRIGGER campaign_counts_update AFTER UPDATE OF campaign, page, section, status, reports, reports_reviewed ON comments
        WHEN (OLD.campaign IS NOT NULL OR NEW.campaign IS NOT NULL) AND (OLD.campaign IS NOT NEW.campaign OR OLD.page IS NOT NEW.page
          OR OLD.section IS NOT NEW.section OR OLD.status IS NOT NEW.status OR ${reportedOf('OLD')} IS NOT ${reportedOf('NEW')})
      BEGIN
        ${sqliteUncounted}
        ${sqliteCounted}
      END;
    `,
    postgres: `${postgresTally(responseTally)}
      CREATE OR REPLACE FUNCTION campaign_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_newest TEXT;
        newest RECORD;
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.campaign IS NOT NULL THEN
          UPDATE campaign_counts SET n = n - 1, reported = reported - ${reportedOf('OLD')} WHERE ${oldGroup}
            RETURNING newest_id INTO was_newest;
          IF was_newest = OLD.id THEN
            SELECT created_at, id INTO newest FROM comments WHERE ${oldGroup} ${newestFirstInGroup};
            UPDATE campaign_counts SET newest_at = newest.created_at, newest_id = newest.id WHERE ${oldGroup};
          END IF;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.campaign IS NOT NULL THEN
          INSERT INTO campaign_counts AS counted (campaign, page, section, status, n, reported, newest_at, newest_id)
            VALUES (NEW.campaign, NEW.page, NEW.section, NEW.status, 1, ${reportedOf('NEW')}, NEW.created_at, NEW.id)
            ON CONFLICT (campaign, page, section, status) DO UPDATE SET n = counted.n + 1, reported = counted.reported + excluded.reported,
              newest_at = CASE WHEN ${newer('counted')} THEN excluded.newest_at ELSE counted.newest_at END,
              newest_id = CASE WHEN ${newer('counted')} THEN excluded.newest_id ELSE counted.newest_id END;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER campaign_counts_insert_delete AFTER INSERT OR DELETE ON comments
        FOR EACH ROW EXECUTE FUNCTION campaign_counts_change();
      CREATE TRIGGER campaign_counts_update AFTER UPDATE OF campaign, page, section, status, reports, reports_reviewed ON comments
        FOR EACH ROW WHEN ((OLD.campaign IS NOT NULL OR NEW.campaign IS NOT NULL) AND (OLD.campaign IS DISTINCT FROM NEW.campaign
          OR OLD.page IS DISTINCT FROM NEW.page OR OLD.section IS DISTINCT FROM NEW.section OR OLD.status IS DISTINCT FROM NEW.status
          OR ${reportedOf('OLD')} IS DISTINCT FROM ${reportedOf('NEW')}))
        EXECUTE FUNCTION campaign_counts_change();
    `,
  },
  {
    version: 16,
    // The overview and the tallies of closed questions at any size: what they count, kept by
    // triggers as rows are written (see Tally), so that they read a row per section, status and
    // hour rather than every response.
    sql: tallyTable(overviewTally) + tallyTable(answerTally),
    sqlite: sqliteTally(overviewTally) + sqliteTally(answerTally),
    postgres: postgresTally(overviewTally) + postgresTally(answerTally),
  },
];

/** Every table the migrations make, for tests and benchmarks that empty a database. */
export const tables = [
  'comments',
  'idempotency_keys',
  'rate_limits',
  'server_secrets',
  'page_versions',
  'consultations',
  'outcomes',
  'receipts',
  'moderators',
  'audit_log',
  'reports',
  'campaign_bands',
  'section_versions',
  'response_counts',
  'campaign_counts',
  'overview_counts',
  'answer_counts',
  'schema_migrations',
];
