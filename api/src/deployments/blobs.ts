// Content-addressed files of the deployed bundles: `<dir>/blobs/<aa>/<sha256>`, written once through a
// temporary file and a rename (a crash never leaves a half-written blob under its final name), plus a
// `.gz` twin for compressible types so that the console's large files (DuckDB's WASM) go out compressed.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(?:m?js|css|json|map|wasm|txt|svg|csv)$/i;

/** The content-addressed file store of the deployments. */
export class BlobStore {
  /** @param dir the deployments folder (`DEPLOY_DIR`). */
  constructor(private readonly dir: string) {}

  /** Where the blob of a sha256 (hex) lives. */
  pathOf(sha256: string): string {
    return join(this.dir, 'blobs', sha256.slice(0, 2), sha256);
  }

  /** Where its gzip twin lives (it may not exist). */
  gzipPathOf(sha256: string): string {
    return `${this.pathOf(sha256)}.gz`;
  }

  /** Whether the blob is stored. */
  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  private async writeOnce(path: string, data: Buffer): Promise<void> {
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomBytes(8).toString('hex')}.part`);
    await writeFile(tmp, data);
    await mkdir(join(path, '..'), { recursive: true });
    await rename(tmp, path);
  }

  /**
   * Stores a file under its hash (the caller computed it); `true` when this call created it, `false` when
   * it was already there.
   *
   * @example const created = await blobs.put('assets/x.js', data, sha256);
   */
  async put(path: string, data: Buffer, sha256: string): Promise<boolean> {
    if (this.has(sha256)) return false;
    if (COMPRESSIBLE.test(path) && data.length > 1024) {
      const compressed = await gzipAsync(data, { level: 6 });
      if (compressed.length < data.length * 0.9) await this.writeOnce(this.gzipPathOf(sha256), compressed);
    }
    await this.writeOnce(this.pathOf(sha256), data);
    return true;
  }

  /** Removes blobs this upload created, when the upload is not committed after all. */
  async remove(sha256s: readonly string[]): Promise<void> {
    for (const sha256 of sha256s) {
      await rm(this.pathOf(sha256), { force: true });
      await rm(this.gzipPathOf(sha256), { force: true });
    }
  }
}
