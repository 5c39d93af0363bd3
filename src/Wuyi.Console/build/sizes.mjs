// `npm run sizes` (after `npm run build`): Markdown tables for docs/benchmarks.md — every chunk raw / gzip / brotli
// and the pages that load it, then each page's first load (entry + shell + page) and what it loads only on demand.
// Reads Vite's manifest (dist/.vite/manifest.json) and the .gz/.br copies the build wrote (build/precompress.ts).
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dist = 'dist'
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
const size = file => (existsSync(join(dist, file)) ? statSync(join(dist, file)).size : 0)
// A file without a compressed copy (too small to gain) goes out as it is.
const sizes = file => ({ raw: size(file), gz: size(`${file}.gz`) || size(file), br: size(`${file}.br`) || size(file) })

const pages = {
  'sign-in (/signin, / when anonymous)': [],
  'registry (/registry)': ['src/views/Registry.vue'],
  'registry area (/registry/:code)': ['src/views/RegistryArea.vue'],
  'inbox (/inbox)': ['src/views/Shell.vue', 'src/views/Inbox.vue'],
  'task (/tasks/…)': ['src/views/Shell.vue', 'src/views/TaskPage.vue'],
  'certification (/certifications/:id)': ['src/views/Shell.vue', 'src/views/CertificationPage.vue'],
  'areas': ['src/views/Shell.vue', 'src/views/Areas.vue'],
  'inspections': ['src/views/Shell.vue', 'src/views/Inspections.vue'],
  'signals': ['src/views/Shell.vue', 'src/views/Signals.vue'],
  'operations': ['src/views/Shell.vue', 'src/views/Operations.vue'],
  'dashboard': ['src/views/Shell.vue', 'src/views/Dashboard.vue'],
}

// The files a manifest key loads at once (its static imports and their styles), and the keys it imports later.
function closure(keys) {
  const files = new Set(), later = new Set(), seen = new Set()
  const visit = key => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const imported of chunk.imports ?? []) visit(imported)
    for (const dynamic of chunk.dynamicImports ?? []) later.add(dynamic)
  }
  keys.forEach(visit)
  return { files, later: [...later].filter(k => !seen.has(k) && !k.startsWith('src/views/')) }
}

const kB = n => (n / 1000).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })
const sum = files => [...files].reduce((t, f) => { const s = sizes(f); return { raw: t.raw + s.raw, gz: t.gz + s.gz, br: t.br + s.br } }, { raw: 0, gz: 0, br: 0 })

const usedBy = new Map()
const pageRows = []
for (const [page, views] of Object.entries(pages)) {
  const now = closure(['index.html', ...views])
  const deferred = closure(now.later)
  for (const f of deferred.files) if (now.files.has(f)) deferred.files.delete(f)
  const name = page.replace(/ \(.*/, '')
  for (const f of now.files) usedBy.set(f, [...(usedBy.get(f) ?? []), name])
  for (const f of deferred.files) usedBy.set(f, [...(usedBy.get(f) ?? []), `${name} (on demand)`])
  const a = sum(now.files), b = sum(deferred.files)
  pageRows.push(`| ${page} | ${now.files.size} | ${kB(a.raw)} | ${kB(a.gz)} | ${kB(a.br)} | ${deferred.files.size ? `${deferred.files.size} files, ${kB(b.br)} kB br (${now.later.map(k => k.split('/').pop()).join(', ')})` : '—'} |`)
}

console.log('| page | files at first load | raw kB | gzip kB | brotli kB | loaded later, on demand |')
console.log('|---|---:|---:|---:|---:|---|')
pageRows.forEach(r => console.log(r))
console.log()
const all = [...new Set(Object.values(manifest).flatMap(c => [c.file, ...(c.css ?? [])]))]
  .map(f => ({ f, ...sizes(f) })).sort((a, b) => b.raw - a.raw)
console.log('| chunk | raw kB | gzip kB | brotli kB | loaded by |')
console.log('|---|---:|---:|---:|---|')
for (const c of all) {
  const users = usedBy.get(c.f) ?? []
  const by = users.length === Object.keys(pages).length ? 'every page' : users.length ? users.join(', ') : '(not reached from a page above)'
  console.log(`| \`${c.f.replace('assets/', '')}\` | ${kB(c.raw)} | ${kB(c.gz)} | ${kB(c.br)} | ${by} |`)
}
const total = sum(all.map(c => c.f))
console.log(`| **all ${all.length} files** | ${kB(total.raw)} | ${kB(total.gz)} | ${kB(total.br)} | |`)
