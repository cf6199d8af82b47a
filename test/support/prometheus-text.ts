// A strict reader of Prometheus's text exposition format (version 0.0.4), for tests: every line must be a
// HELP, a TYPE or a sample of a declared metric; anything else fails. Returns the samples by their series.

const name = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const labelValue = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const labels = `\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=${labelValue}(?:,[a-zA-Z_][a-zA-Z0-9_]*=${labelValue})*,?)?\\}`;
// Prometheus reads values with Go's ParseFloat: Inf and NaN in any case (prom-client writes `Nan`).
const value = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?[Ii][Nn][Ff]|[Nn][Aa][Nn])';
const sampleLine = new RegExp(`^(${name})(${labels})? (${value})(?: -?\\d+)?$`);
const helpLine = new RegExp(`^# HELP (${name}) .*$`);
const typeLine = new RegExp(`^# TYPE (${name}) (counter|gauge|histogram|summary|untyped)$`);

export function parsePrometheusText(text: string): Map<string, number> {
  if (!text.endsWith('\n')) throw new Error('the exposition does not end with a newline');
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, index) => {
      const where = `line ${index + 1}: ${JSON.stringify(line)}`;
      if (line === '') return;
      const type = typeLine.exec(line);
      if (type) {
        if (types.has(type[1]!)) throw new Error(`${where}: a second TYPE for ${type[1]}`);
        return void types.set(type[1]!, type[2]!);
      }
      if (helpLine.test(line)) return;
      const sample = sampleLine.exec(line);
      if (!sample) throw new Error(`${where}: not a HELP, TYPE or sample line`);
      const metric = sample[1]!;
      const family = [metric, metric.replace(/_(bucket|sum|count|total|created)$/, '')].find((candidate) => types.has(candidate));
      if (family === undefined) throw new Error(`${where}: sample of ${metric} without a TYPE`);
      const series = metric + (sample[2] ?? '');
      if (samples.has(series)) throw new Error(`${where}: series ${series} twice`);
      samples.set(series, Number(sample[3]!.replace(/inf$/i, 'Infinity')));
    });
  return samples;
}
