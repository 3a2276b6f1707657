// What the integration global setups hand to the tests through `provide` / `inject`.
export interface KafkaConnection {
  /** Bootstrap addresses, e.g. `['127.0.0.1:9092']`. */
  brokers: string[];
  version: string;
  clusterId: string | undefined;
}

export interface PostgresConnection {
  /** `postgres://vwu:…@127.0.0.1:54329/vwu_test` */
  url: string;
  version: string;
}

export interface ChromiumInstall {
  executablePath: string;
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kafka: KafkaConnection;
    postgres: PostgresConnection;
    chromium: ChromiumInstall;
  }
}
