// Prints one JSON document mapping each .tf file of a directory to its HCL parsed as JSON (@cdktf/hcl2json):
//   node tools/hcl2json.mjs terraform
// Exits 1, naming the file, when one does not parse. Used by TerraformWiringTest.
import { createRequire } from "node:module";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { parse } = require("@cdktf/hcl2json");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node tools/hcl2json.mjs DIRECTORY");
  process.exit(2);
}

const files = (await readdir(dir)).filter((name) => name.endsWith(".tf")).sort();
const parsed = {};
for (const file of files) {
  try {
    parsed[file] = await parse(file, await readFile(join(dir, file), "utf8"));
  } catch (e) {
    console.error(`${file}: ${e.message ?? e}`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(parsed));
