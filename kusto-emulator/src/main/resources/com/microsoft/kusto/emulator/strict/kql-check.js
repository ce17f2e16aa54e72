// Checks KQL text with Microsoft's own parser (npm @kusto/language-service-next).
// Protocol: one JSON request per stdin line {"text": "...", "analyze": false}; one JSON answer per line
// {"kind": "Query|Command|...", "diagnostics": [{"severity","code","message","start","length"}]}.
// "analyze": true adds semantic checks against the default global state (no user tables).
'use strict';
const path = require('path');
const readline = require('readline');
const pkg = path.dirname(require.resolve('@kusto/language-service-next/package.json'));
require(path.join(pkg, 'bridge.js'));
require(path.join(pkg, 'Kusto.Language.Bridge.js'));
const K = Kusto.Language;

function check(request) {
  const code = request.analyze
    ? K.KustoCode.ParseAndAnalyze(request.text, K.GlobalState.Default)
    : K.KustoCode.Parse(request.text);
  const list = code.GetDiagnostics();
  const diagnostics = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    diagnostics.push({ severity: String(d.Severity), code: d.Code, message: d.Message, start: d.Start, length: d.Length });
  }
  return { kind: String(code.Kind), diagnostics };
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  let answer;
  try {
    answer = check(JSON.parse(line));
  } catch (e) {
    answer = { kind: 'Error', diagnostics: [{ severity: 'Error', code: 'BRIDGE', message: String(e && e.message || e), start: 0, length: 0 }] };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
