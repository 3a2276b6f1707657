// What the global setups hand to the test files.
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the real PostgreSQL test server (`postgres` project only). */
    testDatabaseUrl: string | undefined;
    /** Template database with the test units and demo accounts (`postgres` project only). */
    postgresTemplate: string | undefined;
    /** File with the PGlite dump of the same template (`node` project only). */
    pgliteTemplate: string | undefined;
    /** File with the PGlite dump of an empty, unmigrated database (`node` project only). */
    pgliteEmpty: string | undefined;
  }
}

export {};
