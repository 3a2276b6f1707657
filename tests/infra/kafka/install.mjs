// Fetches the Kafka broker's jars from Maven Central into .cache/kafka/lib (`mvn dependency:copy-dependencies`
// over kafka/pom.xml), once per pom and version.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withLock } from '../lib/lock.mjs';
import { cacheDir } from '../lib/paths.mjs';
import { run } from '../lib/proc.mjs';

const pomFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pom.xml');

/** The folder of the broker's classpath. */
export function kafkaLibDir() {
  return path.join(cacheDir('kafka'), 'lib');
}

/** Whether the jars have been fetched (for some version). */
export function isKafkaInstalled() {
  return existsSync(path.join(kafkaLibDir(), '.installed'));
}

/** The configured Kafka version: `KAFKA_VERSION`, else the pom's `kafka.version`. */
export function kafkaVersion() {
  const fromPom = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(pomFile, 'utf8'))?.[1];
  const version = process.env.KAFKA_VERSION || fromPom;
  if (!version) throw new Error(`kafka: no <kafka.version> in ${pomFile}`);
  return version;
}

/**
 * Fetches the broker's jars into .cache/kafka/lib with Maven; a no-op when they are there for the same pom
 * and version (a stamp file holds their hash). Needs `java` (17+) and `mvn` on PATH.
 * @returns {Promise<{ libDir: string, version: string, jars: number, installedNow: boolean }>}
 * @example await installKafka(); // → { version: '4.3.1', jars: 46, … }
 */
export async function installKafka() {
  return withLock('kafka-install', async () => {
    const libDir = kafkaLibDir();
    const version = kafkaVersion();
    const stamp = createHash('sha256').update(readFileSync(pomFile)).update(version).digest('hex');
    const stampFile = path.join(libDir, '.installed');
    const countJars = () => readdirSync(libDir).filter((f) => f.endsWith('.jar')).length;
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp) {
      return { libDir, version, jars: countJars(), installedNow: false };
    }
    await checkJava();
    rmSync(libDir, { recursive: true, force: true });
    console.error(`kafka: fetching Kafka ${version} from Maven Central into ${libDir}`);
    const maven = ['-q', '-B', '-f', pomFile, `-Dkafka.version=${version}`, `-DoutputDirectory=${libDir}`];
    await run('mvn', [...maven, 'dependency:copy-dependencies']).catch((error) => {
      throw new Error(
        `kafka: Maven could not fetch Kafka ${version} (is Maven Central reachable?)\n${error.message}`,
      );
    });
    writeFileSync(stampFile, `${stamp}\n`);
    return { libDir, version, jars: countJars(), installedNow: true };
  });
}

async function checkJava() {
  const { stderr } = await run('java', ['-version']).catch(() => {
    throw new Error(
      'kafka: `java` is not on PATH; Kafka 4 needs Java 17 or later (apt-get install -y openjdk-17-jre-headless)',
    );
  });
  const major = Number(/version "(\d+)/.exec(stderr)?.[1]);
  if (!(major >= 17)) throw new Error(`kafka: Java 17 or later is needed, found: ${stderr.split('\n')[0]}`);
}
