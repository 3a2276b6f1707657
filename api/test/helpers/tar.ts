// Writes small tar.gz archives for the deployment tests (the deploy script uses the system's tar).
import { gzipSync } from 'node:zlib';

const BLOCK = 512;

/** A file to pack. */
export interface TarFile {
  path: string;
  data: Buffer;
}

/** Header overrides for crafting bad archives: type flag, raw name. */
export interface TarEntry extends TarFile {
  type?: string;
}

/**
 * A `.tar.gz` of files (ustar; paths up to 255 bytes), e.g. to upload a module's dist/ from a script.
 *
 * @example const archive = tarGz([{ path: 'deploy.json', data: Buffer.from('{}') }]);
 */
export function tarGz(files: readonly TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    const header = Buffer.alloc(BLOCK);
    let name = file.path;
    let prefix = '';
    if (Buffer.byteLength(name) > 100) {
      const cut = name.lastIndexOf('/', name.length - 1);
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
    if (Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155)
      throw new Error(`path too long for a tar header: ${file.path}`);
    header.write(name, 0, 100, 'utf8');
    header.write('0000644\0', 100, 8);
    header.write('0000000\0', 108, 8);
    header.write('0000000\0', 116, 8);
    header.write(`${file.data.length.toString(8).padStart(11, '0')}\0`, 124, 12);
    header.write('00000000000\0', 136, 12);
    header.write('        ', 148, 8);
    header.write(file.type ?? '0', 156, 1);
    header.write('ustar\0', 257, 6);
    header.write('00', 263, 2);
    header.write(prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
    blocks.push(header, file.data, Buffer.alloc((BLOCK - (file.data.length % BLOCK)) % BLOCK));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(blocks));
}
