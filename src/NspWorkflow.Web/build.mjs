// Bundles the front-end into wwwroot/dist. Run by `dotnet build` (see NspWorkflow.Web.csproj).
import * as esbuild from "esbuild";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

await esbuild.build({
  entryPoints: {
    app: "Frontend/app.js",
    // The instance view's diagram (bpmn-js), loaded only on /cases/{id}/workflow.
    instance: "Frontend/instance.js",
  },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "iife",
  target: ["es2020"],
  outdir: "wwwroot/dist",
  logLevel: "warning",
});

// The country names of ISO 3166-1 in Swedish and English, for the application form's searchable list and the server's
// reading of a typed name back to its code (Features/Cases/CountryNames.cs). The platform only knows native names.
const countries = createRequire(import.meta.url)("i18n-iso-countries");
const names = {};
for (const language of ["sv", "en"]) {
  countries.registerLocale(JSON.parse(await readFile(`node_modules/i18n-iso-countries/langs/${language}.json`, "utf8")));
  names[language] = countries.getNames(language, { select: "official" });
}
await writeFile("wwwroot/dist/countries.json", JSON.stringify(names));
