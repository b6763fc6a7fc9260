// Bundles the front-end into wwwroot/dist. Run by `dotnet build` (see NspWorkflow.Web.csproj).
import * as esbuild from "esbuild";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

await esbuild.build({
  entryPoints: {
    app: "Frontend/app.js",
    // The bpmn-js modeler and viewer, each loaded only by its page so that app.js stays small.
    designer: "Frontend/designer.js",
    instance: "Frontend/instance.js",
    compare: "Frontend/compare.js",
  },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "iife",
  target: ["es2020"],
  outdir: "wwwroot/dist",
  logLevel: "warning",
  // bpmn-js's icon font, copied beside the bundle: the Content-Security-Policy allows fonts from 'self' only.
  loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".eot": "file", ".svg": "file" },
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
