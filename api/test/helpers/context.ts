// What the `postgres` project's global setup hands to the test files.
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the real PostgreSQL test server; absent in the `node` (PGlite) project. */
    testDatabaseUrl: string | undefined;
  }
}

export {};
