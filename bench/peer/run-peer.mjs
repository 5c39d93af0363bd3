// The peer side of bench/run-engine-bench.sh: runs the benchmark model on bpmn-engine@25 (Node 20) the way
// `Wuyi.Benchmarks --compare` runs it on the Wuyi engine, and prints the same RESULT line.
//
//   node run-peer.mjs [--scenario certification-synthetic] [--instances N] [--rounds R] [--warmup W] [--breakdown]
//
// Same measurement: single thread, complete N instances one after the other (start, then answer each wait,
// oldest first), after a warm-up; several rounds, the median round is reported. The model is parsed once
// (bpmn-moddle + moddle-context-serializer) and each instance is a new Engine on that parsed source, as the
// Wuyi side parses once and reuses its BpmnDefinitions.
//
// Same scenario, read from the same bench/models/<name>.scenario.json as the Wuyi side: start variables; the
// service task completes at once with its output; each user task is signalled with the variables the Wuyi
// side completes it with (set as process variables, as CompleteTask does); the timer "fires" when its turn
// comes; the message boundary stays open. Every answer is one step, queued and applied in order.
//
// Differences forced by the engine (bpmn-engine reads no Camunda attributes, and its expressions are
// property paths, not JUEL), applied to the XML text below and counted:
//   1. a serviceTask with camunda:type="external" also gets implementation="${environment.services.external}";
//      that function queues the callback, and the driver calls it as its answer (ServiceCompleted).
//   2. a condition ${name} becomes ${environment.variables.name}.
//   3. logging: bpmn-engine's default Logger creates `debug` loggers for every element of every Engine even
//      when DEBUG is unset; the peer runs with a no-op Logger instead (in its favour; --debug-logger keeps the
//      default).
//   4. timers: bpmn-engine would call setTimeout(P7D). The engine's `timers` option is given a setTimeout that
//      queues the callback instead; the driver calls it as its answer (TimerFired). No wall-clock wait.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import BpmnModdle from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';

const here = path.dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const repo = path.resolve(here, '..', '..');
const scenarioName = option('--scenario', 'certification-synthetic');
const scenario = JSON.parse(readFileSync(path.join(repo, 'bench', 'models', `${scenarioName}.scenario.json`), 'utf8'));
if (scenario.peer === false) {
  console.error(`${scenarioName}: the scenario says the peer cannot run this model (see docs/benchmarks.md)`);
  process.exit(2);
}
const modelPath = path.join(repo, scenario.model);
const modelName = scenarioName;
const instances = Number(option('--instances', '300'));
const rounds = Number(option('--rounds', '5'));
const warmup = Number(option('--warmup', String(Math.max(Math.floor(instances / 2), 100))));

// The scenario: bench/models/<name>.scenario.json, the same file the Wuyi side reads.
const startVariables = scenario.startVariables || {};
const answers = scenario.answers || {};
const noopLogger = () => ({ debug() {}, error() {}, warn() {} });
const loggerOption = process.argv.includes('--debug-logger') ? {} : { Logger: noopLogger };

function peerVariant(xml) {
  let services = 0;
  let conditions = 0;
  const out = xml
    .replace(/<serviceTask\b([^>]*?)camunda:type="external"/g, (m, attrs) => {
      services++;
      return `<serviceTask${attrs}implementation="\${environment.services.external}" camunda:type="external"`;
    })
    .replace(/(<conditionExpression[^>]*>)\s*\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\s*(<\/conditionExpression>)/g, (m, open, name, close) => {
      conditions++;
      return `${open}\${environment.variables.${name}}${close}`;
    });
  const leftover = (out.match(/<conditionExpression[^>]*>(?!\$\{environment\.)/g) || []).length;
  if (leftover) throw new Error(`${leftover} condition(s) are not a plain \${variable}: translate them by hand`);
  return { xml: out, services, conditions };
}

const variant = peerVariant(readFileSync(modelPath, 'utf8'));
const moddleContext = await new BpmnModdle().fromXML(variant.xml);
const sourceContext = serializer(moddleContext, TypeResolver(Elements));

// One instance, start to end. Returns the number of answers (steps) applied.
async function runInstance(name, probe, clock) {
  const queue = [];
  const timers = new Elements.Timers({
    setTimeout(callback, delay, ...args) {
      const ref = { callback, args, cleared: false };
      queue.push({ kind: 'timer', ref });
      return ref;
    },
    clearTimeout(ref) {
      if (ref) ref.cleared = true;
    },
  });
  const listener = new EventEmitter();
  listener.on('wait', (api) => {
    if (api.type === 'bpmn:UserTask') queue.push({ kind: 'user', api });
  });
  const ended = [];
  if (probe) listener.on('activity.end', (api) => ended.push(api.id));
  let t = clock ? process.hrtime.bigint() : 0n;
  const engine = new Engine({
    ...loggerOption,
    name,
    sourceContext,
    timers,
    variables: { ...startVariables },
    services: {
      external(scope, callback) {
        queue.push({ kind: 'service', id: scope.content.id, environment: scope.environment, callback });
      },
    },
  });
  const done = new Promise((resolve, reject) => {
    engine.once('end', resolve);
    engine.once('error', reject);
  });
  if (clock) t = clock('new Engine (instantiate the parsed model)', t);
  await engine.execute({ listener });
  if (clock) t = clock('execute (start, runs to the first waits)', t);
  let steps = 0;
  let waitingState = null;
  while (queue.length) {
    const item = queue.shift();
    if (item.kind === 'user') {
      if (probe && waitingState === null) waitingState = JSON.stringify(await engine.getState());
      const vars = answers[item.api.id] || {};
      Object.assign(item.api.environment.variables, vars);
      item.api.signal(vars);
    } else if (item.kind === 'service') {
      const vars = answers[item.id] || {};
      Object.assign(item.environment.variables, vars);
      item.callback(null, vars);
    } else {
      if (item.ref.cleared) continue;
      item.ref.callback(...item.ref.args);
    }
    steps++;
    if (clock) t = clock(`step ${item.kind} @${item.kind === 'user' ? item.api.id : item.kind === 'service' ? item.id : 'timer'}`, t);
  }
  await done;
  if (clock) t = clock('await end', t);
  if (probe) return { steps, ended, waitingState };
  return steps;
}

const probe = await runInstance('probe', true);
if (scenario.expectEnd && !probe.ended.includes(scenario.expectEnd))
  throw new Error(`the scenario did not reach '${scenario.expectEnd}': it went through ${probe.ended.join(', ')}`);
const steps = probe.steps;
for (let i = 0; i < warmup; i++) await runInstance(`warm-${i}`, false);
const perRound = [];
const cpuPerRound = [];
for (let r = 0; r < rounds; r++) {
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  let applied = 0;
  for (let i = 0; i < instances; i++) applied += await runInstance(`i-${r}-${i}`, false);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (applied !== steps * instances) throw new Error('the scenario is not deterministic');
  const cpu = process.cpuUsage(cpu0);
  perRound.push(seconds);
  cpuPerRound.push((cpu.user + cpu.system) / 1e6);
}
perRound.sort((a, b) => a - b);
cpuPerRound.sort((a, b) => a - b);
const median = perRound[Math.floor(rounds / 2)];
const cpuMedian = cpuPerRound[Math.floor(rounds / 2)];
const fmt = (x) => Number(x.toFixed(3));
console.log(
  [
    'RESULT side=bpmn-engine',
    `model=${modelName}`,
    `instances=${instances}`,
    `rounds=${rounds}`,
    `seconds=${fmt(median)}`,
    `instances_per_s=${fmt(instances / median)}`,
    `steps_per_instance=${steps}`,
    `steps_per_s=${fmt((steps * instances) / median)}`,
    `us_per_instance=${fmt((median * 1e6) / instances)}`,
    `cpu_us_per_instance=${fmt((cpuMedian * 1e6) / instances)}`,
    `rounds_s=${perRound.map(fmt).join(',')}`,
    `waiting_state_bytes=${Buffer.byteLength(probe.waitingState || '', 'utf8')}`,
    `substitutions=services:${variant.services},conditions:${variant.conditions}`,
    `logger=${loggerOption.Logger ? 'no-op' : 'default'}`,
    `versions=node:${process.versions.node},bpmn-engine:25.0.1`,
  ].join(' ')
);

if (process.argv.includes('--breakdown')) {
  const n = Math.min(instances, 200);
  const buckets = new Map();
  const clock = (key, since) => {
    const now = process.hrtime.bigint();
    const b = buckets.get(key) || { ns: 0n, count: 0 };
    b.ns += now - since;
    b.count++;
    buckets.set(key, b);
    return process.hrtime.bigint();
  };
  for (let i = 0; i < n; i++) await runInstance(`b-${i}`, false, clock);
  const total = [...buckets.values()].reduce((a, b) => a + b.ns, 0n);
  console.log(`BREAKDOWN side=bpmn-engine model=${modelName} instances=${n} (hrtime around each call; µs are per call)`);
  for (const [key, b] of [...buckets.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const us = Number(b.ns) / 1e3 / b.count;
    console.log(`  ${key.padEnd(52)} ${us.toFixed(2).padStart(10)} µs x${b.count / n}  ${((100 * Number(b.ns)) / Number(total)).toFixed(1).padStart(5)}% of loop`);
  }
  console.log(`WAITING_STATE side=bpmn-engine model=${modelName} bytes=${Buffer.byteLength(probe.waitingState || '', 'utf8')} (JSON.stringify(await engine.getState()) at the first user tasks)`);
}
