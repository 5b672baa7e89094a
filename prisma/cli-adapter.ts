import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// PostgreSQL's `name` type (identifiers in pg_catalog, current_schema()) has OID 19; `text` is 25.
const NAME_OID = 19;
const TEXT_OID = 25;

type RowDescription = { fields?: { dataTypeID: number }[] };

/**
 * A pg client that reports `name` columns as `text`. The 6.19.3 pg adapter (the one released with
 * our @prisma/client 6.19.3) has no mapping for `name`, and the WebAssembly schema engine reads one
 * when `prisma migrate deploy` sets up its migrations table ("Column type 'name' could not be
 * deserialized"); adapter 7.x maps `name` to text in exactly this way. The app's own queries never
 * return `name` columns, so only the CLI (prisma.config.ts) uses this client.
 */
class NameAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // Runs before the client's own rowDescription handler, which reads the field types.
    this.connection.prependListener("rowDescription", (message: RowDescription) => {
      for (const field of message.fields ?? []) if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    });
  }
}

/** The driver adapter for the Prisma CLI. */
export function cliAdapter(connectionString: string): PrismaPg {
  // allowExitOnIdle lets the CLI exit as soon as it is done instead of idling on open connections.
  return new PrismaPg({ connectionString, idleTimeoutMillis: 1, allowExitOnIdle: true, Client: NameAsTextClient });
}
