// Writes a brotli (.br) and a gzip (.gz) copy beside every built script, style sheet and SVG, so `wuyi serve` sends
// them compressed without compressing on each request (Hosting/PrecompressedFiles.cs picks the copy the browser takes).
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const compressible = /\.(js|mjs|css|svg|json|map)$/

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (compressible.test(entry.name)) yield path
  }
}

export function precompress(outDir = 'dist'): Plugin {
  return {
    name: 'wuyi-precompress',
    apply: 'build',
    async closeBundle() {
      for await (const path of files(outDir)) {
        const raw = await readFile(path)
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: (await stat(path)).size },
        })
        const gz = gzipSync(raw, { level: 9 })
        // A copy no smaller than the file itself is not worth a second request path: the server then sends the file.
        if (br.length < raw.length) await writeFile(`${path}.br`, br)
        if (gz.length < raw.length) await writeFile(`${path}.gz`, gz)
      }
    },
  }
}
