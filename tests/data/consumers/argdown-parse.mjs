// Parses an Argdown file with @argdown/core (installed by .ci/run into $CONSUMERS) and prints the errors and the JSON export.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(process.env.CONSUMERS + "/package.json");
const { argdown } = await import(require.resolve("@argdown/core"));
const r = argdown.run({ input: readFileSync(process.argv[2], "utf8"), process: "export-json", logLevel: "error" });
const errors = (r.parserErrors || []).map(e => e.message).concat((r.exceptions || []).map(e => String(e)));
console.log(JSON.stringify({ errors, json: r.json ? JSON.parse(r.json) : null }));
