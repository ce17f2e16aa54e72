// Test helper: asks Microsoft's KQL language service (npm @kusto/language-service-next) for the result schema of
// a query over given tables. One JSON request per stdin line:
//   {"text": "...", "tables": [{"name": "T", "columns": [["a", "int"], ...]}]}
// One JSON answer per line: {"columns": [["name", "type"], ...], "errors": ["..."]}.
'use strict';
const path = require('path');
const readline = require('readline');
const pkg = path.dirname(require.resolve('@kusto/language-service-next/package.json'));
require(path.join(pkg, 'bridge.js'));
require(path.join(pkg, 'Kusto.Language.Bridge.js'));
const K = Kusto.Language;
const S = K.Symbols;

function scalarType(name) {
  const t = S.ScalarTypes.GetSymbol(name);
  if (!t) throw new Error('unknown type ' + name);
  return t;
}

function resultSchema(request) {
  const tables = (request.tables || []).map(t =>
    new S.TableSymbol.$ctor4(t.name, t.columns.map(c => new S.ColumnSymbol(c[0], scalarType(c[1])))));
  const globals = K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.$ctor1('db', tables));
  const code = K.KustoCode.ParseAndAnalyze(request.text, globals);
  const errors = [];
  const list = code.GetDiagnostics();
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    if (String(d.Severity) === 'Error') errors.push(d.Code + ': ' + d.Message);
  }
  const columns = [];
  const result = code.ResultType;
  if (result && result.Columns) {
    for (let i = 0; i < result.Columns.Count; i++) {
      const c = result.Columns.getItem(i);
      columns.push([c.Name, c.Type.Name]);
    }
  }
  return { columns, errors };
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  let answer;
  try {
    answer = resultSchema(JSON.parse(line));
  } catch (e) {
    answer = { columns: [], errors: ['BRIDGE: ' + String(e && e.message || e)] };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
